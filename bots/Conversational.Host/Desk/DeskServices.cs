using Conversational.Bots.Handoff;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Host.Channels.App;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Desk;

/// <summary>What the desk endpoints use, bound with <c>[AsParameters]</c>.</summary>
public sealed record DeskServices(
    AgentDesk Desk,
    AgentWorkspace Workspace,
    AgentRoster Roster,
    AgentOffers Offers,
    AgentReadMarks ReadMarks,
    HandoffPackages Packages,
    SkillResumeSteps Steps,
    IOptions<AppChannelOptions> Limits);
