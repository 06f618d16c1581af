using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>
/// The MSBuild properties a project and its Directory.Packages.props define, read in evaluation order (later
/// definitions win). Conditions are not evaluated, so a conditional definition counts like any other; property
/// functions (<c>$([MSBuild]::…)</c>) and properties defined in files not read stay unresolved.
/// </summary>
internal sealed partial class MsBuildProperties
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public void Read(XElement project)
    {
        foreach (var group in NuGetXml.Children(project, "PropertyGroup"))
        {
            foreach (var property in group.Elements())
            {
                _values[property.Name.LocalName] = Expand(property.Value.Trim()).Text;
            }
        }
    }

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Substitutes every <c>$(Name)</c> it knows; the names it does not know are returned.</summary>
    public (string Text, IReadOnlyList<string> Unknown) Expand(string text)
    {
        var unknown = new List<string>();
        var expanded = Reference().Replace(text, match =>
        {
            if (_values.TryGetValue(match.Groups[1].Value, out var value))
            {
                return value;
            }

            unknown.Add(match.Value);
            return match.Value;
        });
        if (expanded.Contains("$(", StringComparison.Ordinal) && unknown.Count == 0)
        {
            unknown.Add(expanded);
        }

        return (expanded, unknown);
    }

    [GeneratedRegex(@"\$\(\s*([A-Za-z_][A-Za-z0-9_.\-]*)\s*\)")]
    private static partial Regex Reference();
}
