using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Acceptance;
using Ctem.Engine.Validation;
using Ctem.Plugins;
using Ctem.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace Ctem.Server.Dashboard.Pages.Findings;

/// <summary>
/// One finding: its risk explanation factor by factor, the sources and why they are one finding, its history, and the
/// triage, accept and assign actions, through the same Engine classes as <c>ctem triage</c>, <c>ctem accept</c> and
/// <c>ctem assign</c>. The audit entry of each action names the signed-in team and token.
/// </summary>
public sealed class DetailModel(DashboardData data, ScopeDocument scope) : DashboardPage(data)
{
    public FindingView? Finding { get; private set; }

    public IReadOnlyList<FindingSource> Sources { get; private set; } = [];

    public IReadOnlyList<FindingEvent> Events { get; private set; } = [];

    public IReadOnlyList<StoredVexStatement> Statements { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public string? Refusal { get; private set; }

    /// <summary>Readers see the actions' results but may not act, as with the API's roles.</summary>
    public bool MayAct => Caller.Role >= ApiRole.Writer;

    /// <summary>Who the audit entries name: the team and the token the session was made from.</summary>
    public string Actor => $"{Caller.Team} (dashboard, token {Caller.TokenId})";

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFoundPage($"finding {id}");

    public async Task<IActionResult> OnPostTriageAsync(long id, string? state, string? justification, string? detail)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        if (state is null || VexNames.StateOf(state) is not { } chosen)
        {
            return await RefusedAsync(id, $"state '{state}' is not one of {string.Join(", ", VexNames.States)}");
        }

        VexJustification? why = string.IsNullOrEmpty(justification) ? VexJustification.Unspecified : VexNames.JustificationOf(justification);
        if (why is null)
        {
            return await RefusedAsync(id, $"justification '{justification}' is not one of {string.Join(", ", VexNames.Justifications)}");
        }

        var request = new TriageRequest(id, chosen, Actor) { Justification = why.Value, Detail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim() };
        var result = await new FindingTriage(Data.Store, BuiltInPlugins.VersionSchemes, Data.Engine.Time).RecordAsync(request, HttpContext.RequestAborted);
        return result.Error is { } error ? await RefusedAsync(id, error) : Redirect(id, $"Triaged as {state}.");
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, string? reason, DateOnly? until)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        DateTimeOffset? end = until is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var result = await new RiskAcceptor(Data.Store, Data.Engine.Time).AcceptAsync(new AcceptRequest(id, reason, end, Actor), scope.Acceptance, HttpContext.RequestAborted);
        return result.Accepted is { } accepted ? Redirect(id, $"Risk accepted until {Format.Day(accepted.Until)}.") : await RefusedAsync(id, result.Refusal ?? "the risk was not accepted");
    }

    public async Task<IActionResult> OnPostAssignAsync(long id, string? team)
    {
        if (await RefuseAsync(id) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(team))
        {
            return await RefusedAsync(id, "name the team to assign the finding to");
        }

        var assigned = await Data.Store.AssignAsync(id, team.Trim(), Actor, Data.Now, HttpContext.RequestAborted);
        return assigned is null ? await RefusedAsync(id, $"finding {id} could not be assigned") : Redirect(id, $"Assigned to {team.Trim()}.");
    }

    // Another team's finding is not found, for actions as for reading; a reader may not act.
    private async Task<IActionResult?> RefuseAsync(long id)
    {
        if (await Data.FindingAsync(Caller, id, HttpContext.RequestAborted) is null)
        {
            return NotFoundPage($"finding {id}");
        }

        return MayAct ? null : await RefusedAsync(id, "your token's role (reader) may not change findings; sign in with a writer's token", StatusCodes.Status403Forbidden);
    }

    private async Task<IActionResult> RefusedAsync(long id, string why, int status = StatusCodes.Status400BadRequest)
    {
        await LoadAsync(id);
        Refusal = why;
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    // Post, redirect, get: a reload does not repeat the action.
    private RedirectResult Redirect(long id, string done)
    {
        Done = done;
        return Redirect($"/findings/{id}");
    }

    private async Task<bool> LoadAsync(long id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Finding = await Data.FindingAsync(Caller, id, cancellationToken);
        if (Finding is null)
        {
            return false;
        }

        Sources = await Data.Store.GetFindingSourcesAsync(id, cancellationToken);
        Events = (await Data.Store.GetFindingEventsAsync(Finding.Product, 0, long.MaxValue, cancellationToken)).Where(e => e.FindingId == id).ToList();
        Statements = await Data.Store.GetFindingVexStatementsAsync(id, cancellationToken);
        return true;
    }
}
