using System.Xml.Linq;

namespace Ctem.Plugins.Parsers.CycloneDx;

/// <summary>The <c>dependencies</c> of a CycloneDX XML document: for each <c>ref</c>, the refs it depends on directly.</summary>
internal static class CycloneDxXmlGraph
{
    /// <returns>Null when the document has no dependency graph (which says nothing), else the edges by ref.</returns>
    public static Dictionary<string, List<string>>? Read(XNamespace ns, XElement? dependencies)
    {
        if (dependencies is null)
        {
            return null;
        }

        var graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var dependency in dependencies.Elements(ns + "dependency"))
        {
            if (dependency.Attribute("ref")?.Value.Trim() is not { Length: > 0 } from)
            {
                continue;
            }

            // A ref may be listed more than once (tools append rather than merge): the edges add up.
            if (!graph.TryGetValue(from, out var edges))
            {
                graph[from] = edges = [];
            }

            foreach (var to in dependency.Elements(ns + "dependency").Select(d => d.Attribute("ref")?.Value.Trim()))
            {
                if (!string.IsNullOrEmpty(to) && !edges.Contains(to, StringComparer.Ordinal))
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }
}
