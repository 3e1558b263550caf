using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Coordination.Shared.Web;

/// <summary>A table for download as CSV the way Finnish Excel opens it (UTF-8 with BOM, ";"
/// separated) or as XLSX. Values are strings, numbers or dates; the first row is the header.</summary>
public sealed record ExportTable(IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows)
{
    public IResult ToCsv(string fileName)
    {
        using var buffer = new MemoryStream();
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord([.. Columns]);
            foreach (var row in Rows)
            {
                csv.WriteRecord([.. row.Select(Format)]);
            }
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName + ".csv");
    }

    public IResult ToXlsx(string fileName)
    {
        var rows = Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < Columns.Count; i++)
            {
                record[Columns[i]] = i < row.Count ? row[i] switch { DateOnly d => d.ToDateTime(TimeOnly.MinValue), var v => v } : null;
            }

            return record;
        }).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows);
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.GetCultureInfo("fi")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
