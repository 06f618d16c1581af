namespace Ctem.Core.Model;

/// <summary>
/// A CPE 2.3 formatted string (<c>cpe:2.3:a:redis:redis:*:*:*:*:*:*:*:*</c>), split into its attributes with CPE's
/// backslash quoting undone. Only what Ctem judges on is named: part, vendor, product, version, update and target software.
/// </summary>
public sealed record CpeName(string Part, string Vendor, string Product, string Version, string TargetSoftware)
{
    private const int Attributes = 11;

    /// <summary>The text it was read from.</summary>
    public required string Text { get; init; }

    /// <summary>The update attribute: OpenSSH's <c>p1</c> of "8.2p1", <c>*</c> for ANY, <c>-</c> for NA.</summary>
    public string Update { get; init; } = "*";

    /// <summary>True when the target software is a named platform, not ANY (<c>*</c>) or NA (<c>-</c>).</summary>
    public bool NamesTargetSoftware => TargetSoftware is not ("*" or "-" or "");

    /// <summary>Reads a CPE 2.3 formatted string; null when it is not one (the 2.2 URI form included).</summary>
    public static CpeName? Parse(string? text)
    {
        if (text is null || !text.StartsWith("cpe:2.3:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var values = Split(text.AsSpan("cpe:2.3:".Length));
        return values.Count == Attributes
            ? new CpeName(values[0], values[1], values[2], values[3], values[8]) { Text = text, Update = values[4] }
            : null;
    }

    // Attributes are separated by colons; a colon (or anything else) quoted with a backslash belongs to the value.
    private static List<string> Split(ReadOnlySpan<char> rest)
    {
        var values = new List<string>(Attributes);
        var value = new System.Text.StringBuilder();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == '\\' && i + 1 < rest.Length)
            {
                value.Append(rest[++i]);
            }
            else if (rest[i] == ':')
            {
                values.Add(value.ToString());
                value.Clear();
            }
            else
            {
                value.Append(rest[i]);
            }
        }

        values.Add(value.ToString());
        return values;
    }
}
