using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Engine.Discovery;
using Ctem.Engine.Knowledge.Updates;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Scoping;

/// <summary>
/// <c>schedules:</c>: the continuous jobs of <c>ctem serve</c> — knowledge updates, re-scans of configured sources and
/// notifications — each on a Quartz cron expression (seconds first) in an IANA time zone, UTC by default.
/// </summary>
internal sealed partial class ScopeReader
{
    private static readonly string[] ScheduleKeys = ["timeZone", "dbUpdate", "rescans", "notify"];
    private static readonly string[] DbUpdateKeys = ["cron", "timeZone", "sources", "ecosystems", "urls", "retries"];
    private static readonly string[] RescanKeys = ["cron", "timeZone", "product", "source", "paths", "url", "retries"];
    private static readonly string[] NotifyKeys = ["cron", "timeZone"];

    private ScheduleSettings Schedules(Fields root, IReadOnlyList<ScopeProduct> products, NotificationSettings notifications)
    {
        if (root.Value("schedules") is not { } node || Fields(node, "schedules", ScheduleKeys) is not { } fields)
        {
            return ScheduleSettings.None;
        }

        var timeZone = TimeZone(fields) ?? CronSchedule.DefaultTimeZone;
        var updates = new List<ScheduledDbUpdate>();
        var items = Sequence(fields, "dbUpdate");
        for (var i = 0; i < items.Count; i++)
        {
            if (Fields(items[i], $"schedules.dbUpdate[{i}]", DbUpdateKeys) is { } entry && DbUpdate(entry, $"db-update[{i}]", timeZone) is { } update)
            {
                updates.Add(update);
            }
        }

        var rescans = new List<ScheduledRescan>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        items = Sequence(fields, "rescans");
        for (var i = 0; i < items.Count; i++)
        {
            if (Fields(items[i], $"schedules.rescans[{i}]", RescanKeys) is not { } entry || Rescan(entry, timeZone, products) is not { } rescan)
            {
                continue;
            }

            if (seen.TryGetValue(rescan.Key, out var first))
            {
                Error(items[i], $"schedules.rescans[{i}]: product '{rescan.Product}' source '{rescan.Source}' is re-scanned already (first at {first.Start.Line}:{first.Start.Column}); one schedule per source");
                continue;
            }

            seen[rescan.Key] = items[i];
            rescans.Add(rescan);
        }

        return new ScheduleSettings(updates, rescans, Notify(fields, timeZone, notifications));
    }

    private ScheduledDbUpdate? DbUpdate(Fields fields, string key, string timeZone)
    {
        var cron = Cron(fields, timeZone);
        var sources = new List<string>();
        foreach (var (text, node) in TextNodes(fields, "sources"))
        {
            if (FeedSelection.AllSources.Contains(text, StringComparer.Ordinal))
            {
                sources.Add(text);
                continue;
            }

            var nearest = Suggestions.Nearest(text, FeedSelection.AllSources);
            Error(node, $"{fields.Name("sources")}: '{text}' is not one of {string.Join(", ", FeedSelection.AllSources)}{(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
        }

        var ecosystems = new List<string>();
        foreach (var (text, node) in TextNodes(fields, "ecosystems"))
        {
            var name = text.Split(':', 2)[0];
            if (Ecosystems.OsvNames.Contains(name, StringComparer.Ordinal))
            {
                ecosystems.Add(text);
                continue;
            }

            var nearest = Suggestions.Nearest(name, Ecosystems.OsvNames);
            Error(node, $"{fields.Name("ecosystems")}: '{text}' is not an OSV ecosystem{(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
        }

        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fields.Value("urls") is { } urlNode && Fields(urlNode, fields.Name("urls"), FeedSelection.AllSources) is { } urlFields)
        {
            foreach (var source in urlFields.Values.Keys)
            {
                if (FetchUrl(urlFields, source) is { } url)
                {
                    urls[source] = url.ToString();
                }
            }
        }

        var retries = Retries(fields);
        return cron is null ? null : new ScheduledDbUpdate(key, cron, [.. sources.Distinct()], [.. ecosystems.Distinct()]) { Urls = urls, Retries = retries };
    }

    private ScheduledRescan? Rescan(Fields fields, string timeZone, IReadOnlyList<ScopeProduct> products)
    {
        var cron = Cron(fields, timeZone);
        var product = Text(fields, "product", required: true);
        if (product is not null && products.Count > 0 && !products.Any(p => string.Equals(p.Name, product, StringComparison.Ordinal)))
        {
            var nearest = Suggestions.Nearest(product, products.Select(p => p.Name).ToList());
            Error(fields.Value("product")!, $"{fields.Name("product")}: '{product}' is not a product of this file{(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
            product = null;
        }

        var source = Text(fields, "source", required: true);
        if (source is not null && SourceNames.Problem(source) is { } problem)
        {
            Error(fields.Value("source")!, $"{fields.Name("source")}: {problem}");
            source = null;
        }

        // Relative paths are the scope file's neighbours, as codeowners: is; the server may run from anywhere.
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
        var paths = TextNodes(fields, "paths").Select(p => Path.GetFullPath(Path.Combine(directory, p.Text))).ToList();
        var url = FetchUrl(fields, "url");
        if (fields.Value("paths") is YamlSequenceNode { Children.Count: 0 } empty)
        {
            Error(empty, $"{fields.Name("paths")}: must name at least one file or directory");
            return null;
        }

        if ((fields.Value("paths") is null) == (fields.Value("url") is null))
        {
            Error(fields.Node, $"{fields.Context}: give exactly one of paths (SBOM files or directories to scan) and url (an SBOM to download and scan)");
            return null;
        }

        var retries = Retries(fields);
        return cron is null || product is null || source is null || (fields.Value("url") is not null && url is null)
            ? null
            : new ScheduledRescan(ScheduledRescan.KeyOf(product, source), cron, product, source, paths, url) { Retries = retries };
    }

    private ScheduledNotify? Notify(Fields root, string timeZone, NotificationSettings notifications)
    {
        if (root.Value("notify") is not { } node || Fields(node, "schedules.notify", NotifyKeys) is not { } fields)
        {
            return null;
        }

        var cron = Cron(fields, timeZone);
        if (!notifications.Configured && root.Values.ContainsKey("notify"))
        {
            Error(node, "schedules.notify: the scope file configures no notification channels; add a notifications: section (docs/cli.md, \"Notifications\")");
            return null;
        }

        return cron is null ? null : new ScheduledNotify(ScheduledNotify.JobKey, cron);
    }

    private CronSchedule? Cron(Fields fields, string defaultTimeZone)
    {
        var expression = Text(fields, "cron", required: true);
        var timeZone = TimeZone(fields);
        if (expression is null)
        {
            return null;
        }

        const string Form = "Quartz cron has 6 or 7 fields, seconds first: \"0 0 3 * * ?\" is 03:00 every day";
        if (expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5)
        {
            // Quartz's own message for this case names its API; the user needs the form.
            Error(fields.Value("cron")!, $"{fields.Name("cron")}: '{expression}' is not a Quartz cron expression: it has 5 fields, the Unix crontab form; {Form} (days of the week are 1-7 from Sunday, or SUN-SAT)");
            return null;
        }

        try
        {
            _ = new Quartz.CronExpression(expression);
        }
        catch (FormatException e)
        {
            Error(fields.Value("cron")!, $"{fields.Name("cron")}: '{expression}' is not a Quartz cron expression ({e.Message.TrimEnd('.')}); {Form}");
            return null;
        }

        return fields.Value("timeZone") is not null && timeZone is null ? null : new CronSchedule(expression, timeZone ?? defaultTimeZone);
    }

    private string? TimeZone(Fields fields)
    {
        if (Text(fields, "timeZone") is not { } id)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id).Id;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            Error(fields.Value("timeZone")!, $"{fields.Name("timeZone")}: '{id}' is not a time zone this machine knows; use an IANA name such as UTC or Europe/Berlin");
            return null;
        }
    }

    /// <summary>An https:// URL, or http:// to a loopback address (a local mirror, a test server): what the downloader fetches.</summary>
    private Uri? FetchUrl(Fields fields, string key, bool required = false)
    {
        var text = Text(fields, key, required);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            Error(fields.Value(key)!, $"{fields.Name(key)}: '{text}' is not an https:// URL (http:// only to a loopback address)");
            return null;
        }

        return url;
    }

    private int Retries(Fields fields)
    {
        if (fields.Value("retries") is not { } node)
        {
            return 3;
        }

        if (node is YamlScalarNode scalar && YamlScalars.Kind(scalar) == ScalarKind.Integer
            && int.TryParse(scalar.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var retries) && retries <= 10)
        {
            return retries;
        }

        Error(node, $"{fields.Name("retries")}: expected a whole number from 0 to 10, found {Describe(node)}");
        return 3;
    }
}
