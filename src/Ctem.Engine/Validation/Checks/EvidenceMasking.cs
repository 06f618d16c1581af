using System.Globalization;
using System.Text.RegularExpressions;

namespace Ctem.Engine.Validation.Checks;

/// <summary>
/// Secrets in what a check saw are masked before evidence is stored or printed: values of keys that name a password,
/// token, key or credential (<c>.env</c>, config files, JSON), credentials in URLs, and bearer or basic authorizations.
/// The mask keeps the length and at most four leading characters (never more than a fifth), as reported secrets are
/// masked (docs/cli.md, "Secrets").
/// </summary>
public static partial class EvidenceMasking
{
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = KeyValue().Replace(text, m => m.Groups["key"].Value + m.Groups["sep"].Value + m.Groups["quote"].Value + Hide(m.Groups["value"].Value));
        text = JsonValue().Replace(text, m => m.Groups["key"].Value + Hide(m.Groups["value"].Value) + "\"");
        text = UrlCredentials().Replace(text, m => m.Groups["scheme"].Value + m.Groups["user"].Value + ":" + Hide(m.Groups["password"].Value) + "@");
        return Authorization().Replace(text, m => m.Groups["head"].Value + Hide(m.Groups["value"].Value));
    }

    private static string Hide(string secret)
    {
        if (secret.Length == 0 || secret.All(c => c == '*'))
        {
            return secret;
        }

        var shown = Math.Min(4, secret.Length / 5);
        return string.Create(CultureInfo.InvariantCulture, $"{secret[..shown]}… ({secret.Length} characters)");
    }

    [GeneratedRegex(@"(?<key>^[ \t]*(?:export[ \t]+)?[A-Za-z0-9_.\-]*(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth)[A-Za-z0-9_.\-]*)(?<sep>[ \t]*[=:][ \t]*)(?<quote>[""']?)(?<value>[^\r\n""']+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(?<key>""[A-Za-z0-9_.\-]*(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential)[A-Za-z0-9_.\-]*""\s*:\s*"")(?<value>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex JsonValue();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.\-]*://)(?<user>[^:/@\s]+):(?<password>[^@/\s]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?<head>\b(?:Bearer|Basic)[ \t]+)(?<value>[A-Za-z0-9+/=._\-]{8,})", RegexOptions.IgnoreCase)]
    private static partial Regex Authorization();
}
