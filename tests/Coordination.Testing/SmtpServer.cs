using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>A real SMTP server on loopback (Debian's python3-aiosmtpd) that keeps what it
/// receives in a Maildir; build/test.sh installs it. Its handler (smtp_control.py) can be told to
/// refuse every message for a while (421) and to refuse some addresses for good (550).</summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;
    private readonly string _control;

    private SmtpServer(Process process, int port, string maildir, string control)
    {
        _process = process;
        Port = port;
        _maildir = maildir;
        _control = control;
    }

    public int Port { get; }

    /// <summary>Starts the server; with <paramref name="keepMessages"/> false it accepts and
    /// discards (aiosmtpd's Sink handler), for benchmarks that should not measure the disk.</summary>
    public static async Task<SmtpServer> StartAsync(bool keepMessages = true)
    {
        var port = FreePort();
        // Not created here: aiosmtpd's Maildir creates it with its tmp/new/cur folders.
        var maildir = Path.Combine(Path.GetTempPath(), "coordination-smtp-" + Guid.NewGuid().ToString("N"));
        var control = maildir + "-control";
        Directory.CreateDirectory(control);
        var start = new ProcessStartInfo("/usr/bin/python3", keepMessages
            ? $"-m aiosmtpd -n -l 127.0.0.1:{port} -c smtp_control.ControlledMailbox {maildir} {control}"
            : $"-m aiosmtpd -n -l 127.0.0.1:{port} -c aiosmtpd.handlers.Sink")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // smtp_control.py is copied next to the test assembly.
        start.Environment["PYTHONPATH"] = AppContext.BaseDirectory;
        var process = Process.Start(start)!;
        await WaitForPortAsync(port);
        return new SmtpServer(process, port, maildir, control);
    }

    /// <summary>While on, every message is refused with 421 (service not available, try again
    /// later), as a mail server that is away for a while.</summary>
    public void Refuse(bool on)
    {
        var flag = Path.Combine(_control, "refuse");
        if (on)
        {
            File.WriteAllText(flag, "");
        }
        else
        {
            File.Delete(flag);
        }
    }

    /// <summary>These addresses are refused for good: 550 at RCPT TO.</summary>
    public void Reject(params string[] addresses) => File.WriteAllLines(Path.Combine(_control, "reject"), addresses);

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time).Select(f => MimeKit.MimeMessage.Load(f.File))]
            : [];
    }

    /// <summary>How many messages have arrived (without reading them).</summary>
    public int Count()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Count() : 0;
    }

    public Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForAsync(int count)
        => Eventually.WaitForAsync(() => Task.FromResult(Messages()), m => m.Count >= count);

    public ValueTask DisposeAsync()
    {
        _process.Kill();
        _process.Dispose();
        foreach (var folder in new[] { _maildir, _control })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        // Python starts slowly on a busy machine: up to a minute.
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("The SMTP server (python3-aiosmtpd) did not start: build/test.sh installs it.");
    }
}
