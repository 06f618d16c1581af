using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>Loads the YAML lockfiles (yarn berry, pnpm) and reads their nodes leniently.</summary>
internal static class Yaml
{
    /// <summary>The top-level mapping, or an error with its "line:column".</summary>
    public static (YamlMappingNode? Root, string? Error, string? Location) Load(string text)
    {
        var (node, error, location) = YamlSingleDocument.Load(text);
        return node switch
        {
            null => (null, error, location),
            YamlMappingNode root => (root, null, null),
            _ => (null, "the top level is not a YAML mapping", $"{node.Start.Line}:{node.Start.Column}"),
        };
    }

    public static string? Scalar(YamlNode? node, string key) =>
        Child(node, key) is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    public static YamlMappingNode? Mapping(YamlNode? node, string key) => Child(node, key) as YamlMappingNode;

    public static bool True(YamlNode? node, string key) => Scalar(node, key) is "true";

    /// <summary>The scalar entries of a mapping (a dependencies map); other values are skipped.</summary>
    public static IEnumerable<(string Key, string Value)> ScalarEntries(YamlMappingNode? mapping)
    {
        if (mapping is null)
        {
            yield break;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text } scalar && !IsNull(scalar))
            {
                yield return (name, text);
            }
        }
    }

    /// <summary>The entries of a mapping, none when it is absent.</summary>
    public static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? mapping) =>
        mapping?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();

    public static string LineOf(YamlNode node) => $"line {node.Start.Line}";

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static bool IsNull(YamlScalarNode scalar) => scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "";
}
