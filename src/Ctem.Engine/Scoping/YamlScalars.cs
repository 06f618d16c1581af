using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Scoping;

/// <summary>What a YAML scalar is under the YAML 1.2 core schema: quoted scalars are strings; plain ones may be null, booleans or numbers.</summary>
internal enum ScalarKind
{
    Unspecified = 0,
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

/// <summary>Resolves scalars as the YAML 1.2 core schema does, so that the loader and JSON Schema tools agree on types.</summary>
internal static partial class YamlScalars
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static ScalarKind Kind(YamlScalarNode scalar)
    {
        if (scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
        {
            return ScalarKind.String;
        }

        var value = scalar.Value ?? "";
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            _ when IntegerPattern().IsMatch(value) => ScalarKind.Integer,
            _ when FloatPattern().IsMatch(value) => ScalarKind.Float,
            _ => ScalarKind.String,
        };
    }

    public static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && Kind(scalar) == ScalarKind.Null;

    public static bool Boolean(YamlScalarNode scalar) => (scalar.Value ?? "").StartsWith('t') || (scalar.Value ?? "").StartsWith('T');

    /// <summary>The number a plain numeric scalar denotes (decimal, 0o octal, 0x hex, .inf, .nan); false when out of range.</summary>
    public static bool TryNumber(YamlScalarNode scalar, out double number)
    {
        var value = scalar.Value ?? "";
        double? special = value switch
        {
            ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => double.PositiveInfinity,
            "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
            ".nan" or ".NaN" or ".NAN" => double.NaN,
            _ => null,
        };
        number = special ?? 0;
        if (special is not null)
        {
            return true;
        }

        if (value.StartsWith("0x", StringComparison.Ordinal))
        {
            var hex = ulong.TryParse(value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var parsedHex);
            number = parsedHex;
            return hex;
        }

        if (value.StartsWith("0o", StringComparison.Ordinal))
        {
            ulong octal = 0;
            foreach (var digit in value[2..])
            {
                if (octal > ulong.MaxValue / 8)
                {
                    return false;
                }

                octal = (octal * 8) + (ulong)(digit - '0');
            }

            number = octal;
            return true;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    [GeneratedRegex("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
