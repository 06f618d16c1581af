using System.Data.Common;
using Dapper;

namespace Ctem.Storage;

/// <summary>Which ids name the same vulnerability, as the knowledge base's advisories say (an advisory's id and its aliases).</summary>
internal static class AliasQueries
{
    private const int Batch = 500;

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GroupsAsync(
        DbConnection connection, ISqlDialect dialect, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var advisories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Chunk(Batch))
        {
            var sql = $"SELECT advisory_id FROM advisory_aliases WHERE {dialect.InValues("alias", "Ids")} "
                + $"UNION SELECT id FROM advisories WHERE {dialect.InValues("id", "Ids")}";
            advisories.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(sql, new { Ids = dialect.ListValue(batch) }, cancellationToken: cancellationToken)));
        }

        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var batch in advisories.Chunk(Batch))
        {
            var rows = await connection.QueryAsync<(string AdvisoryId, string Alias)>(new CommandDefinition(
                $"SELECT advisory_id, alias FROM advisory_aliases WHERE {dialect.InValues("advisory_id", "Ids")}", new { Ids = dialect.ListValue(batch) }, cancellationToken: cancellationToken));
            foreach (var advisory in batch)
            {
                names[advisory] = [advisory];
            }

            foreach (var (advisoryId, alias) in rows)
            {
                names[advisoryId].Add(alias);
            }
        }

        // Advisories that share a name describe one vulnerability: join them (union-find over names).
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                parent[x] = parent.GetValueOrDefault(p, p);
                x = p;
            }

            return x;
        }

        foreach (var group in names.Values)
        {
            var first = group.First();
            parent.TryAdd(first, first);
            foreach (var name in group)
            {
                parent.TryAdd(name, name);
                var (a, b) = (Find(first), Find(name));
                if (a != b)
                {
                    parent[b] = a;
                }
            }
        }

        var members = parent.Keys.GroupBy(Find, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        return ids.Distinct(StringComparer.Ordinal)
            .Where(parent.ContainsKey)
            .ToDictionary(id => id, id => members[Find(id)], StringComparer.Ordinal);
    }
}
