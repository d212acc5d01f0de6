using System.Text;
using System.Text.Json;

namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// A trained model on disk: a format tag, its <see cref="IntentModelInfo"/> as JSON, then the model
/// (<see cref="IntentModel.Save"/>). Written to a temporary file and moved into place, so a reader never sees half a
/// model, even with another process writing the same path.
/// </summary>
public static class IntentModelFile
{
    private static readonly byte[] Magic = "CVIF1\n"u8.ToArray();

    public static void Save(string path, TrainedIntentModel trained)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(trained);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    writer.Write(JsonSerializer.Serialize(trained.Info));
                }

                trained.Model.Save(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <exception cref="FileNotFoundException">No file at the path.</exception>
    /// <exception cref="InvalidDataException">Not a saved model, one of an older format, or a damaged one.</exception>
    public static TrainedIntentModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"{path} is not a saved intent model (or one of an older format: train it again).");
            }

            var info = JsonSerializer.Deserialize<IntentModelInfo>(reader.ReadString())
                ?? throw new InvalidDataException($"{path}: the model's description is empty.");
            return new TrainedIntentModel(info, IntentModel.Load(stream));
        }
        catch (Exception exception) when (exception is EndOfStreamException or JsonException)
        {
            throw new InvalidDataException($"{path}: the saved intent model is damaged.", exception);
        }
    }
}
