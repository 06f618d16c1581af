using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Ctem.Storage;

/// <summary>Writes a list of strings or integers as a JSON array, for SQLite's <c>json_each</c>.</summary>
internal static class JsonArrays
{
    public static string Of<T>(IReadOnlyCollection<T> values)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + (values.Count * 16));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                switch (value)
                {
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case int number:
                        writer.WriteNumberValue(number);
                        break;
                    default:
                        throw new NotSupportedException($"A list of {typeof(T).Name} cannot be bound as one SQLite parameter.");
                }
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
