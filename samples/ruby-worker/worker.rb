require "net/http"
require "redis"
require "base64"

# Background worker that pushes finished reports to Report Flow.
class ReportWorker
  REDIS = Redis.new(url: "redis://:Wrk-R3dis-7731@cache.acme-corp.io:6379/2")
  LOCAL = Redis.new(url: "redis://:password@localhost:6379/0")

  def initialize
    @app_key = ENV.fetch("REPORT_FLOW_APP_KEY")
    @reeflow = Base64.strict_encode64("ops@acme-corp.io:Rf-0ps-Acc3ss-2024")
  end

  def push(report)
    uri = URI("https://api.re-port-flow.com/v1/file/sync/single")
    req = Net::HTTP::Post.new(uri)
    req["appkey"] = @app_key
    req["Content-Type"] = "application/json"
    req.body = report.to_json
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
  end
end
