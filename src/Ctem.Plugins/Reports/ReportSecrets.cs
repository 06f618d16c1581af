using System.Globalization;

namespace Ctem.Plugins.Reports;

/// <summary>
/// Secrets that secret scanners report are masked before they reach the model: nothing Ctem stores or prints may carry
/// one. The mask keeps a few leading characters (never more than a fifth of the secret, at most four) and the length,
/// enough to tell two secrets apart and find them in the file, too little to use.
/// </summary>
internal static class ReportSecrets
{
    private const int MaxShown = 4;

    /// <summary><c>AKIA… (20 characters)</c>.</summary>
    public static string Mask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var shown = Math.Min(MaxShown, secret.Length / 5);
        return string.Create(CultureInfo.InvariantCulture, $"{secret[..shown]}… ({secret.Length} characters)");
    }

    /// <summary><paramref name="text"/> with every occurrence of each secret replaced by its mask; null stays null.</summary>
    public static string? Redact(string? text, IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (text is null)
        {
            return null;
        }

        // Longest first, so a secret that contains another is masked whole.
        foreach (var secret in secrets.OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask(secret), StringComparison.Ordinal);
        }

        return text;
    }
}
