using Ctem.Core.Scoring.Ssvc;
using Ctem.Core.Stores;
using Ctem.Reporting;
using Ctem.Server.Apis;
using Ctem.Server.Dashboard.Charts;

namespace Ctem.Server.Dashboard;

/// <summary>
/// The findings page's query, exactly as its URL holds it (so a link shares the view): product, priority, status,
/// owner, KEV, SSVC, text, sort and page. Values it does not know are refused by name, not ignored.
/// </summary>
public sealed record FindingSearch(
    string? Product, string? Priority, string Status, string? Owner, string? Kev, string? Ssvc, string? Text, string Sort, int Page)
{
    public const int PageSize = 50;

    public static readonly string[] Statuses = ["open", "resolved", "all"];

    public static readonly string[] SsvcDecisions = ["act", "attend", "track*", "track"];

    /// <summary>What in the query cannot be used, one sentence each; empty when all of it can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Statuses.Contains(Status))
        {
            problems.Add($"status '{Status}' is not one of {string.Join(", ", Statuses)}");
        }

        if (Priority is not null && !WeeklyHistory.Priorities.Contains(Priority))
        {
            problems.Add($"priority '{Priority}' is not one of {string.Join(", ", WeeklyHistory.Priorities)}");
        }

        if (Kev is not (null or "true" or "false"))
        {
            problems.Add($"kev '{Kev}' is not true or false");
        }

        if (Ssvc is not null && !SsvcDecisions.Contains(Ssvc))
        {
            problems.Add($"ssvc '{Ssvc}' is not one of {string.Join(", ", SsvcDecisions)}");
        }

        if (!FindingPaging.Sorts.Contains(Sort))
        {
            problems.Add($"sort '{Sort}' is not one of {string.Join(", ", FindingPaging.Sorts)}");
        }

        if (Page < 1)
        {
            problems.Add($"page {Page} is not 1 or more");
        }

        return problems;
    }

    /// <summary>What the store's findings query takes: product, status and owner.</summary>
    public FindingFilter StoreFilter() =>
        new(Product, Enum.Parse<FindingStatusFilter>(Status, ignoreCase: true)) { Owner = Owner };

    /// <summary>
    /// The whole search as the store's page request, over the caller's products: filtered, sorted and cut in SQL. Null
    /// when the text is not ASCII, which the store cannot match ignoring case as .NET does (<see cref="Apply"/> does).
    /// </summary>
    public FindingPageRequest? PageRequest(IReadOnlyCollection<string> visible)
    {
        if (Text is { } text && !string.IsNullOrWhiteSpace(text) && !text.Trim().All(char.IsAscii))
        {
            return null;
        }

        var order = Sort switch
        {
            "id" => FindingOrder.Id,
            "due" => FindingOrder.Due,
            _ => FindingOrder.Priority,
        };
        return new FindingPageRequest(StoreFilter(), order, PageSize)
        {
            Products = Product is null ? [.. visible] : null,
            Priorities = Priority is null ? null : [Priority],
            Kev = Kev is null ? null : Kev == "true",
            Ssvc = Ssvc is null ? null : Enum.GetValues<SsvcOutcome>().Single(o => CisaSsvc.NameOf(o).Equals(Ssvc, StringComparison.OrdinalIgnoreCase)),
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            Offset = (Page - 1) * PageSize,
        };
    }

    /// <summary>The rest of the filter, the sort and the page, over what the store returned: for text the store cannot match.</summary>
    public (IReadOnlyList<FindingView> Page, int Total) Apply(IEnumerable<FindingView> findings)
    {
        var kept = findings
            .Where(f => Priority is null || (f.Risk is { } risk && JsonOutput.Name(risk.Priority) == Priority))
            .Where(f => Kev is null || (f.Exploitation?.Kev is not null) == (Kev == "true"))
            .Where(f => Ssvc is null || (f.Risk is { } risk && CisaSsvc.NameOf(risk.Ssvc).Equals(Ssvc, StringComparison.OrdinalIgnoreCase)))
            .Where(f => string.IsNullOrWhiteSpace(Text) || FindingsApi.Mentions(f, Text.Trim()))
            .ToList();
        return (FindingPaging.Sorted(kept, Sort).Skip((Page - 1) * PageSize).Take(PageSize).ToList(), kept.Count);
    }

    /// <summary>This search's URL with some values changed (null removes one); the defaults are left out.</summary>
    public string Url(string? page = null, string? sort = null)
    {
        var values = new (string Key, string? Value)[]
        {
            ("product", Product), ("priority", Priority), ("status", Status == "open" ? null : Status), ("owner", Owner), ("kev", Kev),
            ("ssvc", Ssvc), ("text", string.IsNullOrWhiteSpace(Text) ? null : Text), ("sort", (sort ?? Sort) == "priority" ? null : sort ?? Sort),
            ("page", (page ?? Page.ToString(System.Globalization.CultureInfo.InvariantCulture)) == "1" ? null : page ?? Page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var query = string.Join('&', values.Where(v => v.Value is not null).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length == 0 ? "/findings" : "/findings?" + query;
    }
}
