using System.Text.RegularExpressions;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Scoping;

/// <summary>
/// <c>notifications:</c>: the channels (webhook, slack, email), what each takes, and <c>dueSoonDays</c>. Secrets are
/// named by environment variable only; a key that does not fit the channel's type is an error, not ignored.
/// </summary>
internal sealed partial class ScopeReader
{
    private static readonly string[] NotificationKeys = ["channels", "dueSoonDays"];
    private static readonly string[] ChannelKeys = ["name", "type", "on", "minPriority", "products", "owners", "url", "urlEnv", "secretEnv", "smtp", "from", "to"];
    private static readonly string[] SmtpKeys = ["host", "port", "security", "username", "passwordEnv"];

    private static readonly Dictionary<string, ChannelType> ChannelTypes = new(StringComparer.Ordinal)
    {
        ["webhook"] = ChannelType.Webhook,
        ["slack"] = ChannelType.Slack,
        ["email"] = ChannelType.Email,
    };

    /// <summary>The names <c>on:</c> takes; also how events are named in payloads and output.</summary>
    public static readonly IReadOnlyDictionary<string, NotificationKind> NotificationKinds = new Dictionary<string, NotificationKind>(StringComparer.Ordinal)
    {
        ["new-finding"] = NotificationKind.NewFinding,
        ["kev"] = NotificationKind.Kev,
        ["sla-breached"] = NotificationKind.SlaBreached,
        ["sla-due-soon"] = NotificationKind.SlaDueSoon,
        ["acceptance-expiring"] = NotificationKind.AcceptanceExpiring,
    };

    private static readonly Dictionary<string, Priority> PriorityNames = new(StringComparer.Ordinal)
    {
        ["low"] = Priority.Low,
        ["medium"] = Priority.Medium,
        ["high"] = Priority.High,
        ["critical"] = Priority.Critical,
    };

    private static readonly Dictionary<string, SmtpSecurity> SmtpSecurities = new(StringComparer.Ordinal)
    {
        ["starttls"] = SmtpSecurity.StartTls,
        ["tls"] = SmtpSecurity.Tls,
        ["none"] = SmtpSecurity.None,
    };

    private NotificationSettings Notifications(Fields root, IReadOnlyList<ScopeProduct> products)
    {
        if (root.Value("notifications") is not { } node || Fields(node, "notifications", NotificationKeys) is not { } fields)
        {
            return NotificationSettings.None;
        }

        var channels = new List<NotificationChannelSettings>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var items = Sequence(fields, "channels");
        for (var i = 0; i < items.Count; i++)
        {
            if (Channel(items[i], $"notifications.channels[{i}]", products) is not { } channel)
            {
                continue;
            }

            var nameNode = ((YamlMappingNode)items[i]).Children[new YamlScalarNode("name")];
            if (seen.TryGetValue(channel.Name, out var first))
            {
                Error(nameNode, $"notifications.channels[{i}].name: duplicate channel name '{channel.Name}' (first at {first.Start.Line}:{first.Start.Column})");
                continue;
            }

            seen[channel.Name] = nameNode;
            channels.Add(channel);
        }

        return new NotificationSettings(channels) { DueSoonDays = Days(fields, "dueSoonDays") ?? NotificationSettings.DefaultDueSoonDays };
    }

    private NotificationChannelSettings? Channel(YamlNode node, string context, IReadOnlyList<ScopeProduct> products)
    {
        if (Fields(node, context, ChannelKeys) is not { } fields)
        {
            return null;
        }

        var name = Text(fields, "name", required: true);
        if (name is not null && !ChannelNamePattern().IsMatch(name))
        {
            Error(fields.Value("name")!, $"{fields.Name("name")}: '{name}' may hold only letters, digits, '.', '_' and '-'");
            name = null;
        }

        var type = Choice(fields, "type", ChannelTypes, required: true);
        var channel = new NotificationChannelSettings(
            name ?? "",
            type,
            fields.Value("on") is null ? NotificationChannelSettings.AllKinds : Kinds(fields),
            fields.Value("minPriority") is null ? NotificationChannelSettings.DefaultMinPriority : Choice(fields, "minPriority", PriorityNames))
        {
            Products = ProductNames(fields, products),
            Owners = Texts(fields, "owners"),
        };
        var target = type switch
        {
            ChannelType.Webhook or ChannelType.Slack => HttpTarget(fields, channel),
            ChannelType.Email => EmailTarget(fields, channel),
            _ => null,
        };
        return name is null ? null : target;
    }

    private NotificationChannelSettings? HttpTarget(Fields fields, NotificationChannelSettings channel)
    {
        NotAllowed(fields, channel.Type, "smtp", "from", "to");
        if (channel.Type == ChannelType.Slack)
        {
            NotAllowed(fields, channel.Type, "secretEnv");
        }

        var url = Text(fields, "url");
        var urlEnv = EnvironmentName(fields, "urlEnv");
        if (url is not null && !IsHttpUrl(url))
        {
            // The value is not repeated: a URL may carry a token or a password.
            Error(fields.Value("url")!, $"{fields.Name("url")}: not an absolute http:// or https:// URL without a user name or password");
            return null;
        }

        if ((url is null) == (urlEnv is null))
        {
            Error(fields.Node, $"{fields.Context}: give exactly one of url and urlEnv (the environment variable holding a URL that embeds a token)");
            return null;
        }

        var secretEnv = EnvironmentName(fields, "secretEnv");
        if (channel.Type == ChannelType.Webhook && secretEnv is null)
        {
            if (fields.Value("secretEnv") is null)
            {
                Missing(fields, "secretEnv", " (the environment variable holding the HMAC-SHA256 secret)");
            }

            return null;
        }

        return channel with { Url = url, UrlEnv = urlEnv, SecretEnv = secretEnv };
    }

    private NotificationChannelSettings? EmailTarget(Fields fields, NotificationChannelSettings channel)
    {
        NotAllowed(fields, channel.Type, "url", "urlEnv", "secretEnv");
        var from = Address(fields, Text(fields, "from", required: true), fields.Value("from"));
        var written = TextNodes(fields, "to");
        var to = written.Select(t => Address(fields, t.Text, t.Node)).OfType<string>().ToList();
        if (fields.Value("to") is YamlSequenceNode { Children.Count: 0 })
        {
            Error(fields.Value("to")!, $"{fields.Name("to")}: must name at least one address");
        }
        else if (fields.Value("to") is null)
        {
            Missing(fields, "to", " (the addresses to send to)");
        }

        if (fields.Value("smtp") is null)
        {
            Missing(fields, "smtp", " (host, port, security, username, passwordEnv)");
            return null;
        }

        if (Fields(fields.Value("smtp")!, fields.Name("smtp"), SmtpKeys) is not { } smtp)
        {
            return null;
        }

        var host = Text(smtp, "host", required: true);
        var security = smtp.Value("security") is null ? SmtpSecurity.StartTls : Choice(smtp, "security", SmtpSecurities);
        var port = Port(smtp) ?? (security == SmtpSecurity.Tls ? 465 : 587);
        var username = Text(smtp, "username");
        var passwordEnv = EnvironmentName(smtp, "passwordEnv");
        if ((username is null) != (passwordEnv is null))
        {
            Error(smtp.Node, $"{smtp.Context}: give both username and passwordEnv, or neither (no authentication)");
            return null;
        }

        return host is null || from is null || to.Count == 0 || to.Count != written.Count || security == SmtpSecurity.Unspecified
            ? null
            : channel with { Smtp = new SmtpSettings(host, port, security, from, to) { Username = username, PasswordEnv = passwordEnv } };
    }

    private string? Address(Fields fields, string? text, YamlNode? node)
    {
        if (text is null || MimeKit.MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal))
        {
            return text;
        }

        Error(node!, $"{fields.Context}: '{text}' is not an e-mail address");
        return null;
    }

    private List<NotificationKind> Kinds(Fields fields)
    {
        var kinds = new List<NotificationKind>();
        foreach (var (text, node) in TextNodes(fields, "on"))
        {
            if (NotificationKinds.TryGetValue(text, out var kind))
            {
                kinds.Add(kind);
                continue;
            }

            var nearest = Suggestions.Nearest(text, NotificationKinds.Keys);
            Error(node, $"{fields.Name("on")}: '{text}' is not one of {string.Join(", ", NotificationKinds.Keys)}{(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
        }

        if (fields.Value("on") is YamlSequenceNode { Children.Count: 0 } empty)
        {
            Error(empty, $"{fields.Name("on")}: must name at least one event; leave the key out for all of them");
        }

        return [.. kinds.Distinct()];
    }

    private List<string> ProductNames(Fields fields, IReadOnlyList<ScopeProduct> products)
    {
        var names = new List<string>();
        foreach (var (text, node) in TextNodes(fields, "products"))
        {
            if (products.Count > 0 && !products.Any(p => string.Equals(p.Name, text, StringComparison.Ordinal)))
            {
                var nearest = Suggestions.Nearest(text, products.Select(p => p.Name).ToList());
                Error(node, $"{fields.Name("products")}: '{text}' is not a product of this file{(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
                continue;
            }

            names.Add(text);
        }

        return names;
    }

    private List<string> Texts(Fields fields, string key) => [.. TextNodes(fields, key).Select(t => t.Text)];

    private List<(string Text, YamlNode Node)> TextNodes(Fields fields, string key)
    {
        var texts = new List<(string, YamlNode)>();
        foreach (var item in Sequence(fields, key))
        {
            if (item is YamlScalarNode scalar && YamlScalars.Kind(scalar) == ScalarKind.String && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                texts.Add((scalar.Value, item));
            }
            else
            {
                Error(item, $"{fields.Name(key)}: expected a non-empty string, found {Describe(item)}");
            }
        }

        return texts;
    }

    private string? EnvironmentName(Fields fields, string key)
    {
        var name = Text(fields, key);
        if (name is not null && !EnvironmentNamePattern().IsMatch(name))
        {
            // The value is not repeated: it may be the secret itself, written where its variable's name belongs.
            Error(fields.Value(key)!, $"{fields.Name(key)}: not an environment variable name (letters, digits and _, not starting with a digit); name the variable that holds the secret, never the secret itself");
            return null;
        }

        return name;
    }

    private int? Port(Fields fields)
    {
        if (fields.Value("port") is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && YamlScalars.Kind(scalar) == ScalarKind.Integer
            && int.TryParse(scalar.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        Error(node, $"{fields.Name("port")}: expected a port number from 1 to 65535, found {Describe(node)}");
        return null;
    }

    private void NotAllowed(Fields fields, ChannelType type, params string[] keys)
    {
        foreach (var key in keys.Where(fields.Values.ContainsKey))
        {
            Error(fields.Values[key], $"{fields.Name(key)}: a {type.ToString().ToLowerInvariant()} channel does not take {key}");
        }
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0;

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentNamePattern();
}
