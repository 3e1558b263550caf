using System.IO.Pipelines;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Coordination.Shared.Web;

/// <summary>An <see cref="ExportTable"/> whose rows come as they are read (from an ordered
/// database query) and go to the response body as they come: the same CSV and XLSX bytes, without
/// the whole table or file in memory, for exports that can run to a million cells.</summary>
public sealed record StreamedExportTable(IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows)
{
    private const int Chunk = 64 * 1024;

    /// <summary>The worksheet's name in a workbook.</summary>
    public string Sheet { get; init; } = "Sheet1";

    public IResult ToCsv(string fileName) => TypedResults.Stream(
        async body =>
        {
            // CsvWriter writes synchronously; it fills a buffer that goes to the body whenever it
            // reaches a chunk, so the body (where synchronous writes are refused) only gets awaited ones.
            using var buffer = new MemoryStream();
            var csv = CsvWriter.Create(buffer, ExportTable.CsvOptions(), leaveOpen: true);
            try
            {
                csv.WriteRecord([.. Columns]);
                await foreach (var row in Rows)
                {
                    csv.WriteRecord([.. row.Select(ExportTable.Format)]);
                    csv.Flush();
                    if (buffer.Length >= Chunk)
                    {
                        await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                        buffer.SetLength(0);
                    }
                }
            }
            finally
            {
                csv.Dispose();
            }

            await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        },
        "text/csv; charset=utf-8",
        fileName + ".csv");

    /// <summary>The table as a workbook; <paramref name="more"/> adds (small) sheets after the first.</summary>
    public IResult ToXlsx(string fileName, params ExportTable[] more) => TypedResults.Stream(
        async body =>
        {
            // MiniExcel writes a zip entry by entry from a lazy enumeration, synchronously: it runs on
            // a thread of its own into a pipe that the body drains; the pipe's limit makes it wait
            // for a slow reader instead of filling memory.
            var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4 * Chunk, resumeWriterThreshold: 2 * Chunk));
            using var stop = new CancellationTokenSource();
            var writing = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        var sheets = new Dictionary<string, object> { [Sheet] = ExportTable.SheetRows(Columns, Rows.ToBlockingEnumerable(stop.Token)) };
                        foreach (var table in more)
                        {
                            sheets[table.Sheet] = ExportTable.SheetRows(table.Columns, table.Rows).ToList();
                        }

                        using (var stream = pipe.Writer.AsStream(leaveOpen: true))
                        {
                            stream.SaveAs(sheets, printHeader: false);
                        }

                        pipe.Writer.Complete();
                    }
                    catch (Exception ex)
                    {
                        pipe.Writer.Complete(ex);
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            try
            {
                await pipe.Reader.CopyToAsync(body);
            }
            finally
            {
                // A reader that stopped (the client went away) stops the writer at the next row.
                await stop.CancelAsync();
                await pipe.Reader.CompleteAsync();
                await writing;
            }
        },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        fileName + ".xlsx");
}
