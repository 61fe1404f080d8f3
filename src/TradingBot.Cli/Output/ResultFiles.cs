using System.Text.Json;
using Spectre.Console;

namespace TradingBot.Cli.Output;

/// <summary>Writes a result as a JSON file or an HTML report (when the option was given) and says where.</summary>
internal static class ResultFiles
{
    public static void WriteJson(IAnsiConsole console, string? path, Action<Utf8JsonWriter> write)
    {
        if (path is null)
        {
            return;
        }

        using (var stream = OutputFile.Create(path, "--json"))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        console.MarkupLineInterpolated($"JSON written to [green]{path}[/]");
    }

    public static void WriteReport(IAnsiConsole console, string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            return;
        }

        using (var stream = OutputFile.Create(path, "--report"))
        using (var writer = new StreamWriter(stream))
        {
            write(writer);
        }

        console.MarkupLineInterpolated($"Report written to [green]{path}[/]");
    }
}
