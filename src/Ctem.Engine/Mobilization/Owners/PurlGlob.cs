using System.Text;
using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Engine.Mobilization.Owners;

/// <summary>
/// A purl pattern of the scope file's <c>owners:</c> (<c>pkg:npm/@acme/*</c>, <c>pkg:maven/com.acme.*/*</c>): <c>*</c>
/// stands for any text, <c>?</c> for one character. It is matched against the component's purl as people write it —
/// decoded, without qualifiers — with and without the version, so <c>pkg:npm/lodash@4.*</c> names versions too.
/// Case is ignored: the pattern is a person's, not a registry's.
/// </summary>
public sealed class PurlGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex _regex;

    public PurlGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var body = new StringBuilder("^");
        foreach (var c in pattern)
        {
            body.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        _regex = new Regex(body.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
    }

    public string Pattern { get; }

    public bool Matches(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        var name = purl.Namespace is { Length: > 0 } ns ? $"pkg:{purl.Type}/{ns}/{purl.Name}" : $"pkg:{purl.Type}/{purl.Name}";
        return _regex.IsMatch(name) || (purl.Version is { } version && _regex.IsMatch($"{name}@{version}"));
    }
}
