using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Ctem.Plugins.Parsers;

/// <summary>
/// YamlDotNet builds its node tree recursively, so a document nested tens of thousands of levels deep overflows the
/// stack, which no catch can stop. This walks the event stream first (iteratively) and refuses such documents.
/// </summary>
internal static class YamlDepthGuard
{
    /// <summary>Far deeper than any lockfile or advisory needs.</summary>
    public const int MaxDepth = 256;

    /// <summary>An error and its "line:column" when the document nests too deep; null otherwise (syntax errors are left to the loader).</summary>
    public static (string Error, string Location)? Check(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return ($"the YAML nests deeper than {MaxDepth} levels; refused", $"{parser.Current.Start.Line}:{parser.Current.Start.Column}");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }
}
