using Conversational.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Microsoft.Extensions.DependencyInjection;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Customer tokens, staff cookies, the roles' policies and the staff directory.</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddDataProtection().SetApplicationName("Conversational");
        services.AddSchemaMigration(DatabaseKeyRepository.Schema);
        services.AddSingleton<DatabaseKeyRepository>();
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseKeyRepository>((keys, repository) => keys.XmlRepository = repository);

        services.AddSingleton<CustomerTokens>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, CustomerTokenHandler>(SecuritySchemes.CustomerToken, null)
            .AddCookie(SecuritySchemes.StaffCookie, cookie =>
            {
                cookie.Cookie.Name = "conversational.staff";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = AspNetCore.Http.SameSiteMode.Strict;
                cookie.SlidingExpiration = true;
                // An API answers 401/403; it does not redirect to a login page.
                cookie.Events.OnRedirectToLogin = context => WriteStatus(context.Response, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => WriteStatus(context.Response, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(SecuritySchemes.CustomerPolicy, policy => policy
                .AddAuthenticationSchemes(SecuritySchemes.CustomerToken)
                .RequireRole(Roles.Customer))
            .AddPolicy(SecuritySchemes.StaffPolicy, policy => policy
                .AddAuthenticationSchemes(SecuritySchemes.StaffCookie)
                .RequireRole(Roles.Staff));

        services.AddSchemaMigration(StaffDirectory.Schema);
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<Conversational.Storage.IDemoSeed, DemoStaffSeed>();
        return builder;
    }

    private static Task WriteStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
