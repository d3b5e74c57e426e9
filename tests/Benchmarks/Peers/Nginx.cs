using System.Globalization;
using Platform.AppHost;

namespace Platform.Benchmarks.Peers;

/// <summary>
/// nginx (Debian package nginx) as a plain reverse proxy to one backend, started in the
/// foreground from a generated configuration in a folder of its own (no system service).
/// </summary>
public static class Nginx
{
    public static bool Installed => Executables.Find("nginx") is not null;

    public static async Task<ManagedProcess> StartAsync(string folder, int port, Uri backend)
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "nginx.conf");
        // Upstream keepalive: without it nginx opens a connection per request, which no one runs in production.
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            worker_processes auto;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream backend {
                    server {{backend.Host}}:{{backend.Port}};
                    keepalive 128;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://backend;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    }
                }
            }
            """));
        return ManagedProcess.Start("nginx", Executables.Find("nginx")!, ["-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log")],
            new Dictionary<string, string>(), folder, folder);
    }
}
