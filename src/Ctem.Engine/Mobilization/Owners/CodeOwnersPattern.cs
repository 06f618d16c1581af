using System.Text;
using System.Text.RegularExpressions;

namespace Ctem.Engine.Mobilization.Owners;

/// <summary>
/// A CODEOWNERS path pattern, as GitHub reads it (gitignore syntax without negation and character ranges): a pattern
/// with a slash at its start or in its middle is relative to the repository root, any other matches at any depth;
/// <c>*</c> and <c>?</c> stay within one path segment, <c>**</c> crosses them; a pattern ending in <c>/</c> names a
/// directory and everything under it; a last segment without wildcards names a file or a directory (<c>docs</c>), one
/// with wildcards files only (<c>docs/*</c> does not reach <c>docs/a/b.md</c>).
/// </summary>
public sealed class CodeOwnersPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex _regex;

    private CodeOwnersPattern(Regex regex) => _regex = regex;

    /// <summary>The pattern, or null with why GitHub would not read it either.</summary>
    public static (CodeOwnersPattern? Pattern, string? Error) Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.StartsWith('!'))
        {
            return (null, $"'{pattern}': negated patterns are not supported in CODEOWNERS");
        }

        if (pattern.Contains('[', StringComparison.Ordinal))
        {
            return (null, $"'{pattern}': character ranges are not supported in CODEOWNERS");
        }

        var directory = pattern.EndsWith('/');
        var trimmed = pattern.Trim('/');
        var anchored = pattern.StartsWith('/') || trimmed.Contains('/', StringComparison.Ordinal);
        var last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        var subtree = directory ? "/.*" : last.Contains('*', StringComparison.Ordinal) || last.Contains('?', StringComparison.Ordinal) ? "" : "(?:/.*)?";
        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?").Append(Translate(trimmed)).Append(subtree).Append('$');
        return (new CodeOwnersPattern(new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout)), null);
    }

    /// <summary>Whether the pattern covers <paramref name="path"/>, a file path relative to the repository root.</summary>
    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _regex.IsMatch(path.Replace('\\', '/').TrimStart('/'));
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" is any number of directories, "/**" everything below, a lone "**" anything.
                var slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else
            {
                regex.Append(glob[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
