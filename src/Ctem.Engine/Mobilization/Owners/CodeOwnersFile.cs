using Ctem.Core.Diagnostics;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Mobilization.Owners;

/// <summary>
/// Reads a CODEOWNERS file (GitHub's format): one rule per line, a path pattern then its owners (<c>@org/team</c>,
/// <c>@user</c>, an e-mail address); <c>#</c> starts a comment; a pattern without owners leaves its paths unowned.
/// A line GitHub would not read either is an error naming the file and line, and nothing of the file is used.
/// </summary>
public static class CodeOwnersFile
{
    /// <summary>GitHub ignores CODEOWNERS files over 3 MB; so does Ctem.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    public static (IReadOnlyList<CodeOwnerRule> Rules, IReadOnlyList<Diagnostic> Diagnostics) Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<CodeOwnerRule>();
        var diagnostics = new List<Diagnostic>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var content = WithoutComment(lines[i]).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var words = content.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var pattern = words[0].Replace(@"\#", "#", StringComparison.Ordinal);
            if (CodeOwnersPattern.Parse(pattern).Error is { } error)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, error, $"{i + 1}:1"));
                continue;
            }

            rules.Add(new CodeOwnerRule(pattern, words[1..], i + 1));
        }

        return (diagnostics.Count == 0 ? rules : [], diagnostics);
    }

    // "#" begins a comment at the start of a line or after whitespace; "\#" is a literal hash in a pattern.
    private static string WithoutComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }
}
