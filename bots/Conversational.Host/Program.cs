// The host's table of contents: what it serves and in which order requests meet it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBots();
builder.AddSecurity();
builder.AddAppChannel();
builder.AddWeChatChannel();
builder.AddDirectLineChannel();
builder.AddWarehouseWebhooks();
builder.AddAgentDesk();

var app = builder.Build();
app.UseServiceDefaults();
app.UseWebChatWidget();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapServiceEndpoints();
app.MapStaffEndpoints();
app.MapAppChannelEndpoints();
app.MapWeChatChannelEndpoints();
app.MapDirectLineChannelEndpoints();
app.MapWarehouseWebhookEndpoints();
app.MapKnowledgeEndpoints();
app.MapRoutingEndpoints();
app.MapHandoffEndpoints();
app.MapDeskEndpoints();
app.MapCopilotEndpoints();
app.MapCopilotCatalogEndpoints();
app.MapCopilotAnalyticsEndpoints();
app.MapCopilotDraftEndpoints();
app.MapSupervisorEndpoints();

app.Run();

/// <summary>Visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
