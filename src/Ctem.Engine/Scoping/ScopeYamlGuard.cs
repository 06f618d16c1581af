using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Ctem.Engine.Scoping;

/// <summary>
/// Refuses YAML "billion laughs" before anything is built: one iterative pass over the event stream measures how many
/// nodes the document has once every alias is expanded, and how deep it nests (also after expansion). YamlDotNet's
/// node tree is built recursively, so a very deep document would otherwise overflow the stack, which no catch stops.
/// </summary>
internal static class ScopeYamlGuard
{
    /// <summary>A scope file nests four levels; this is far more than any needs.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes after alias expansion; a scope file with hundreds of products has a few thousand.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>An error and where it was detected; null when the document is within bounds (other syntax errors are left to the loader).</summary>
    public static (string Error, Mark Start)? Check(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Frame>();
        var anchors = new Dictionary<string, (long Nodes, int Height)>(StringComparer.Ordinal);
        long expanded = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count + 1 > MaxDepth)
                        {
                            return ($"the YAML nests deeper than {MaxDepth} levels; refused", current.Start);
                        }

                        open.Push(new Frame(AnchorOf((NodeEvent)current)));
                        expanded++;
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = open.Pop();
                        Completed(open, anchors, done.Anchor, done.Nodes, done.ChildHeight + 1);
                        break;
                    case Scalar scalar:
                        expanded++;
                        Completed(open, anchors, AnchorOf(scalar), 1, 0);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var size))
                        {
                            return ($"invalid YAML: the alias *{alias.Value.Value} refers to no anchor before it", current.Start);
                        }

                        if (open.Count + size.Height > MaxDepth)
                        {
                            return ($"the alias *{alias.Value.Value} expands to YAML nested deeper than {MaxDepth} levels; refused", current.Start);
                        }

                        expanded += size.Nodes;
                        Completed(open, anchors, null, size.Nodes, size.Height);
                        break;
                    case DocumentEnd:
                        anchors.Clear();
                        break;
                }

                if (expanded > MaxNodes)
                {
                    return ($"the YAML expands past {MaxNodes} nodes (an alias bomb?); refused", current.Start);
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }

    private static string? AnchorOf(NodeEvent node) => node.Anchor.IsEmpty ? null : node.Anchor.Value;

    private static void Completed(Stack<Frame> open, Dictionary<string, (long Nodes, int Height)> anchors, string? anchor, long nodes, int height)
    {
        if (open.TryPeek(out var parent))
        {
            parent.Nodes += nodes;
            parent.ChildHeight = Math.Max(parent.ChildHeight, height);
        }

        if (anchor is not null)
        {
            anchors[anchor] = (nodes, height);
        }
    }

    private sealed class Frame(string? anchor)
    {
        public string? Anchor { get; } = anchor;

        /// <summary>This node and everything under it, aliases expanded.</summary>
        public long Nodes { get; set; } = 1;

        public int ChildHeight { get; set; }
    }
}
