using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ctem.Plugins.Parsers;

/// <summary>The one way YAML inputs are loaded: nesting is checked before YamlDotNet builds its tree, and exactly one document is expected.</summary>
internal static class YamlSingleDocument
{
    /// <summary>The root node, or an error with its "line:column" when the place is known.</summary>
    public static (YamlNode? Root, string? Error, string? Location) Load(string text)
    {
        if (YamlDepthGuard.Check(text) is { } tooDeep)
        {
            return (null, tooDeep.Error, tooDeep.Location);
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            return (null, $"invalid YAML: {ex.Message}", $"{ex.Start.Line}:{ex.Start.Column}");
        }

        return stream.Documents.Count == 1
            ? (stream.Documents[0].RootNode, null, null)
            : (null, $"expected one YAML document, found {stream.Documents.Count}", null);
    }
}
