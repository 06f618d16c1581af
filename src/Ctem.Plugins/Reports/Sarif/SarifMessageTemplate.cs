using System.Globalization;
using System.Text;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>
/// SARIF message strings with <c>{0}</c>-style placeholders and <c>{{</c>/<c>}}</c> escapes (SARIF 2.1.0 §3.11.5). Expanded in one pass, so an argument
/// that itself contains "{1}" is not expanded again, and cut at <see cref="MaxLength"/> characters, so a hostile
/// template that repeats a long argument thousands of times cannot exhaust memory.
/// </summary>
internal static class SarifMessageTemplate
{
    public const int MaxLength = 8 * 1024;

    public static string Expand(string template, IReadOnlyList<string> arguments)
    {
        var text = new StringBuilder(Math.Min(template.Length, MaxLength));
        for (var i = 0; i < template.Length && text.Length < MaxLength; i++)
        {
            // "{{" and "}}" are literal braces (SARIF 2.1.0 §3.11.5).
            if (template[i] is '{' or '}' && i + 1 < template.Length && template[i + 1] == template[i])
            {
                text.Append(template[i]);
                i++;
                continue;
            }

            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close > i + 1 && int.TryParse(template.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < arguments.Count)
            {
                text.Append(arguments[index].AsSpan(0, Math.Min(arguments[index].Length, MaxLength - text.Length)));
                i = close;
            }
            else
            {
                text.Append(template[i]);
            }
        }

        return text.Length >= MaxLength ? text.ToString(0, MaxLength) + "…" : text.ToString();
    }
}
