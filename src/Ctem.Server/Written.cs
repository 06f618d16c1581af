namespace Ctem.Server;

/// <summary>
/// A response written by the same writer the CLI prints with (Ctem.Reporting), into text first: the API's bytes are the
/// CLI's bytes.
/// </summary>
internal static class Written
{
    public const string Json = "application/json";

    public static IResult As(string mediaType, Action<TextWriter> write, int status = StatusCodes.Status200OK)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(text);
        return TypedResults.Text(text.ToString(), mediaType, System.Text.Encoding.UTF8, status);
    }
}
