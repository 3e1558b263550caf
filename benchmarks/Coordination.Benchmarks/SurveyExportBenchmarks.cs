using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Coordination.Shared.Security;
using Coordination.Testing;
using Microsoft.Data.Sqlite;

namespace Coordination.Benchmarks;

/// <summary>The figure issue 20 asks for: the export of a survey with 1,000,000 answers (100,000
/// responses to 10 Likert questions) as CSV and XLSX, on SQLite, against the real host, with the
/// growth of the process's resident memory during each download (<see cref="RssSampler"/>; the
/// client reads the body as it comes and throws it away, so what stays is the server's). The
/// responses are written with SQL (<see cref="LikertSurveySeed"/>).</summary>
[MemoryDiagnoser]
[Config(typeof(LongInProcessConfig))]
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes the app in [GlobalCleanup]
public class SurveyExportBenchmarks
#pragma warning restore CA1001
{
    public const int Responses = 100_000;
    public const int Questions = 10;

    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _api = null!;
    private HttpClient _download = null!;
    private Guid _survey;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        RepositoryRoot.UseHostContentRoot();
        _database = await TestDatabase.CreateAsync(Provider.Sqlite);
        _app = new CoordinationApp(_database, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _api = await _app.ApiClientAsync(Roles.Coordinator);

        // The whole export may take longer than HttpClient's 100 s before its first byte (before streaming).
        _download = _app.CreateClient();
        _download.Timeout = TimeSpan.FromMinutes(20);
        _download.DefaultRequestHeaders.Authorization = _api.DefaultRequestHeaders.Authorization;
        var network = (await (await _api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Vientiverkosto" } })).Content.ReadFromJsonAsync<IdResponse>())!.Id;

        (_survey, var keys) = await LikertSurveySeed.CreateAsync(_api, network, "Vientikysely", Questions);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_database.DataDirectory, "surveys.db")}");
        await connection.OpenAsync();
        await LikertSurveySeed.FillAsync(connection, _survey, keys, Responses, []);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark]
    public Task Csv() => DownloadAsync("csv");

    [Benchmark]
    public Task Xlsx() => DownloadAsync("xlsx");

    private async Task DownloadAsync(string format)
    {
        long length;
        using (RssSampler.Start($"survey export {format}, {Responses * Questions:N0} answers"))
        {
            using var response = await _download.GetAsync($"/api/v1/surveys/{_survey}/responses.{format}", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var counter = new CountingStream();
            await body.CopyToAsync(counter);
            length = counter.Length;
        }

        Console.WriteLine($"// {format}: {length / 1048576.0:F1} MiB");
    }

    /// <summary>Throws the body away, counting it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
