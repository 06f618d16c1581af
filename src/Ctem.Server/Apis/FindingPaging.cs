using System.Text;
using System.Text.Json;
using Ctem.Core.Stores;
using Ctem.Reporting;

namespace Ctem.Server.Apis;

/// <summary>
/// The orders findings can be listed in, and the cursor of a page: the sort key of its last finding, so the next page
/// starts after it even when findings before it were resolved or added in between.
/// </summary>
internal static class FindingPaging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>priority (the CLI's order: most urgent first), id (oldest first), due (soonest due first, none last).</summary>
    public static readonly string[] Sorts = ["priority", "id", "due"];

    public static IEnumerable<FindingView> Sorted(IEnumerable<FindingView> findings, string sort) =>
        findings.Select(f => (Finding: f, Key: Key.Of(f))).Order(new KeyOrder(sort)).Select(p => p.Finding);

    /// <summary>False when the cursor is not one this sort wrote; <paramref name="after"/> is null without a cursor.</summary>
    public static bool TryRead(string? cursor, string sort, out Key? after)
    {
        after = null;
        if (cursor is null)
        {
            return true;
        }

        if (Decode(cursor) is not { } decoded || decoded.Sort != sort)
        {
            return false;
        }

        after = decoded.Key;
        return true;
    }

    /// <summary>The sorted findings after <paramref name="after"/> (all of them when null).</summary>
    public static IEnumerable<FindingView> After(IEnumerable<FindingView> sorted, string sort, Key? after)
    {
        if (after is null)
        {
            return sorted;
        }

        var order = new KeyOrder(sort);
        return sorted.Where(f => order.Compare((f, Key.Of(f)), (f, after)) > 0);
    }

    /// <summary>Where a page ending at <paramref name="last"/> ends, as the store seeks it.</summary>
    public static FindingPosition PositionOf(FindingView last) => Key.Of(last).Position;

    public static string Cursor(FindingView last, string sort) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Position(sort, Key.Of(last)))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Position? Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '='));
            return JsonSerializer.Deserialize<Position>(Encoding.UTF8.GetString(bytes)) is { Key: not null, Sort: not null } position ? position : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Position(string Sort, Key Key);

    /// <summary>A finding's place in every order: what a cursor holds.</summary>
    internal sealed record Key(double Score, string Product, string Purl, string Vulnerability, long Id, DateTimeOffset? DueAt)
    {
        public FindingPosition Position => new(Score, Product, Purl, Vulnerability, Id);

        public static Key Of(FindingView f) => new(f.Risk?.Score ?? -1, f.Product, f.Purl, f.Vulnerability.Id, f.Id ?? 0, f.DueAt);
    }

    private sealed class KeyOrder(string sort) : IComparer<(FindingView Finding, Key Key)>
    {
        public int Compare((FindingView Finding, Key Key) x, (FindingView Finding, Key Key) y)
        {
            var (a, b) = (x.Key, y.Key);
            var first = sort switch
            {
                "id" => 0,
                "due" => (a.DueAt, b.DueAt) switch
                {
                    (null, null) => 0,
                    (null, _) => 1,
                    (_, null) => -1,
                    var (p, q) => p!.Value.CompareTo(q!.Value),
                },
                _ => b.Score.CompareTo(a.Score),
            };
            if (first != 0)
            {
                return first;
            }

            if (sort == "id")
            {
                return a.Id.CompareTo(b.Id);
            }

            var next = string.CompareOrdinal(a.Product, b.Product);
            next = next != 0 ? next : string.CompareOrdinal(a.Purl, b.Purl);
            next = next != 0 ? next : string.CompareOrdinal(a.Vulnerability, b.Vulnerability);
            return next != 0 ? next : a.Id.CompareTo(b.Id);
        }
    }
}
