namespace Ctem.Cli.Rendering;

public static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";

    public static readonly string[] All = [Table, Json];
}
