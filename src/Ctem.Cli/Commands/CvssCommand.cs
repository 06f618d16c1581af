using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ctem.Cli.Rendering;
using Ctem.Core.Scoring;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem cvss [VECTOR] [--format table|json]</c>: the scores a CVSS v2.0/v3.0/v3.1/v4.0 vector defines, computed as the
/// specifications do; without a vector, one vector per stdin line.
/// </summary>
public static class CvssCommand
{
    public static Command Create(CliContext context)
    {
        var vector = new Argument<string?>("vector") { Description = "A CVSS vector; none to read one per stdin line", Arity = ArgumentArity.ZeroOrOne };
        var format = FormatOptions.Output(OutputFormat.Reports);
        format.Description += " (json: one object per line)";
        var json = new Option<bool>("--json") { Description = "Deprecated: --format json", Hidden = true };
        var command = new Command("cvss", "Score CVSS v2.0, v3.0, v3.1 and v4.0 vectors") { vector, format, json };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (parseResult.GetValue(json))
            {
                await context.Host.Stderr.WriteLineAsync("ctem: --json is deprecated; use --format json");
            }

            var asJson = parseResult.GetValue(json) || parseResult.GetValue(format) == OutputFormat.Json;
            if (parseResult.GetValue(vector) is { } single)
            {
                return Write(context, single, asJson, null) ? ExitCodes.Ok : ExitCodes.BadInput;
            }

            var allScored = true;
            var lineNumber = 0;
            while (await context.Host.Stdin.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                allScored &= Write(context, line.Trim(), asJson, lineNumber);
            }

            return allScored ? ExitCodes.Ok : ExitCodes.BadInput;
        }));
        return command.WithExamples(
            new("ctem cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "Score one vector"),
            new("ctem cvss --format json < vectors.txt", "Score one vector per line, one JSON object per line"));
    }

    private static bool Write(CliContext context, string text, bool asJson, int? line)
    {
        var result = Cvss.Parse(text);
        if (!result.Success)
        {
            context.Host.Stdout.WriteLine(asJson ? JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = result.Error }) : "?");
            context.Host.Stderr.WriteLine($"{(line is null ? "" : $"stdin:{line}: ")}{result.Error}");
            return false;
        }

        var score = result.Value;
        if (asJson)
        {
            using var buffer = new StringWriter();
            JsonOutput.Write(buffer, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("version", score.Version);
                writer.WriteString("vector", score.Vector);
                writer.WriteNumber("baseScore", score.BaseScore);
                WriteOptional(writer, "temporalScore", score.TemporalScore);
                WriteOptional(writer, "environmentalScore", score.EnvironmentalScore);
                writer.WriteNumber("score", score.Score);
                writer.WriteString("severity", Severities.Name(score.Severity));
                if (score.Nomenclature is not null)
                {
                    writer.WriteString("nomenclature", score.Nomenclature);
                }

                writer.WriteEndObject();
            }, indented: false);
            context.Host.Stdout.Write(buffer.ToString());
            return true;
        }

        var parts = new List<string> { $"CVSS {score.Version}", $"base {Number(score.BaseScore)}" };
        if (score.TemporalScore is { } temporal)
        {
            parts.Add($"{(score.Version == "4.0" ? "threat" : "temporal")} {Number(temporal)}");
        }

        if (score.EnvironmentalScore is { } environmental)
        {
            parts.Add($"environmental {Number(environmental)}");
        }

        parts.Add($"score {Number(score.Score)}{(score.Nomenclature is null ? "" : $" ({score.Nomenclature})")}");
        parts.Add(Severities.Name(score.Severity));
        context.Host.Stdout.WriteLine(string.Join("  ", parts));
        return true;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
