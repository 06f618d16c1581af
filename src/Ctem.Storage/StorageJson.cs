using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>The JSON form of the payload columns (affected entries, aliases, inputs, …).</summary>
internal static class StorageJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = JsonTypeInfoResolver.Combine(StorageJsonContext.Default, new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(DropDerivedProperties),
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"stored JSON for {typeof(T).Name} is null");

    /// <summary>A stored array of strings (aliases, CWEs, …), read forward-only: candidates of every scan carry several.</summary>
    public static IReadOnlyList<string> Strings(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        var strings = new List<string>();
        reader.Read();
        AffectedJson.ReadStrings(ref reader, strings);
        return strings;
    }

    /// <summary>Stored severity scores (<c>[{"type","score"}]</c>), read forward-only for the same reason.</summary>
    public static List<SeverityScore> Scores(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        var scores = new List<SeverityScore>();
        AffectedJson.Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string? type = null, score = null;
            while (AffectedJson.NextProperty(ref reader) is { } property)
            {
                // Written with the web defaults (camelCase), read as they read: property names in any case.
                if (property.Equals("type", StringComparison.OrdinalIgnoreCase))
                {
                    type = reader.GetString();
                }
                else if (property.Equals("score", StringComparison.OrdinalIgnoreCase))
                {
                    score = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            scores.Add(new SeverityScore(type!, score!));
        }

        return scores;
    }

    /// <summary>
    /// Computed model properties (a package's key, its fixed versions) are derived on read; storing them
    /// would only duplicate data that can go stale.
    /// </summary>
    private static void DropDerivedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Set is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
