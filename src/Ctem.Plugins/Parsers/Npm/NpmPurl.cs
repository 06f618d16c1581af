using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>Builds npm purls: a scoped name <c>@scope/name</c> puts its scope in the purl namespace.</summary>
internal static class NpmPurl
{
    /// <summary>The purl, or null with the reason it cannot be built.</summary>
    public static (PackageUrl? Purl, string? Error) Create(string name, string? version)
    {
        string? scope = null;
        var local = name;
        if (name.StartsWith('@'))
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 1 || slash == name.Length - 1)
            {
                return (null, $"'{name}' is not a valid scoped npm name");
            }

            scope = name[..slash];
            local = name[(slash + 1)..];
        }

        var result = PackageUrl.Create("npm", scope, local, version, null, null);
        return result.Success ? (result.Value, null) : (null, result.Error);
    }

    /// <summary>
    /// Splits <c>name@range</c> (a yarn pattern, a pnpm key): the separator is the first '@' after the first
    /// character, since a scoped name itself starts with '@'. Null when there is no such '@'.
    /// </summary>
    public static (string Name, string Range)? SplitAt(string text)
    {
        var at = text.Length > 1 ? text.IndexOf('@', 1) : -1;
        return at <= 0 ? null : (text[..at], text[(at + 1)..]);
    }
}
