using Npgsql;

namespace Ctem.Storage;

/// <summary>Recognises a PostgreSQL database spec and turns its URI form into a keyword connection string.</summary>
internal static class PostgresConnectionSpec
{
    private static readonly string[] UriSchemes = ["postgres://", "postgresql://"];

    // libpq query parameters and the Npgsql keywords they correspond to.
    private static readonly Dictionary<string, string> UriParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    public static bool IsPostgres(string spec) =>
        UriSchemes.Any(s => spec.StartsWith(s, StringComparison.OrdinalIgnoreCase))
        || spec.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || spec.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The spec as an Npgsql connection string builder; throws <see cref="CtemStoreException"/> if it is malformed.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string spec)
    {
        try
        {
            return UriSchemes.Any(s => spec.StartsWith(s, StringComparison.OrdinalIgnoreCase))
                ? FromUri(spec)
                : new NpgsqlConnectionStringBuilder(spec);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            // The provider's message may quote the spec, password included, so it is not passed on.
            throw new CtemStoreException($"the PostgreSQL connection string is not valid ({e.GetType().Name})", e);
        }
    }

    /// <summary>Where the database is, for messages: never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"PostgreSQL database '{builder.Database ?? builder.Username ?? "postgres"}' on {builder.Host}:{builder.Port}";

    private static NpgsqlConnectionStringBuilder FromUri(string spec)
    {
        var uri = new Uri(spec, UriKind.Absolute);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.IdnHost };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[UriParameters.GetValueOrDefault(key, key)] = value;
        }

        return builder;
    }
}
