using Ctem.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace Ctem.Server.Dashboard.Pages.Findings;

/// <summary>The findings list: filtered, sorted and paged on the server; the URL holds the whole query.</summary>
public sealed class IndexModel(DashboardData data) : DashboardPage(data)
{
    public FindingSearch Search { get; private set; } = new(null, null, "open", null, null, null, null, "priority", 1);

    public IReadOnlyList<string> Refused { get; private set; } = [];

    public IReadOnlyList<FindingView> Findings { get; private set; } = [];

    public IReadOnlyList<string> Products { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + FindingSearch.PageSize - 1) / FindingSearch.PageSize);

    public async Task<IActionResult> OnGetAsync(
        string? product, string? priority, string? status, string? owner, string? kev, string? ssvc, string? text, string? sort, int? page)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Search = new FindingSearch(Blank(product), Blank(priority), Blank(status) ?? "open", Blank(owner), Blank(kev), Blank(ssvc), text, Blank(sort) ?? "priority", page ?? 1);
        // The names alone: the product list's open counts would read every finding.
        Products = [.. (await Data.VisibleAsync(Caller, cancellationToken)).Order(StringComparer.Ordinal)];
        Refused = Search.Problems();
        if (Search.Product is { } named && !Products.Contains(named))
        {
            Refused = [.. Refused, $"no product named '{named}'"];
        }

        if (Refused.Count > 0)
        {
            var refusal = Page();
            refusal.StatusCode = StatusCodes.Status400BadRequest;
            return refusal;
        }

        (Findings, Total) = await Data.FindingPageAsync(Caller, Search, cancellationToken);
        return Page();
    }

    // An empty field of the filter form means "any".
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
