using System.CommandLine;
using System.Globalization;

namespace Ctem.Cli.Commands;

/// <summary>Checks that make an out-of-range option value a usage error (exit 2) at parse time, before any work is done.</summary>
public static class OptionChecks
{
    /// <summary>Accepts whole numbers from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Between(this Option<int> option, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Description += $" ({min} to {max})";
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{option.Name} takes a whole number from {min} to {max}, not '{text}'");
            return default;
        };
        return option;
    }

    /// <summary>Refuses an empty value (<c>--output ""</c>), which no file or name can be.</summary>
    public static Option<T> NotEmpty<T>(this Option<T> option)
        where T : class?
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[^1].Value))
            {
                result.AddError($"{option.Name} needs a value, not an empty one");
            }
        });
        return option;
    }

    /// <summary>Accepts absolute <c>https://</c> and <c>http://</c> URLs.</summary>
    public static Option<string> HttpUrl(this Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value is var text
                && !(Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            {
                result.AddError($"{option.Name} '{text}' is not an https:// (or http://) URL");
            }
        });
        return option;
    }
}
