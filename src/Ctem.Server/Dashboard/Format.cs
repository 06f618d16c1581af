using System.Globalization;

namespace Ctem.Server.Dashboard;

/// <summary>How the pages write times and numbers: UTC days, invariant digits, as the CLI's tables do.</summary>
public static class Format
{
    public static string Day(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    public static string Minute(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "–";

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);
}
