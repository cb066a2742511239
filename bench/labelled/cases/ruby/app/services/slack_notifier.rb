require "net/http"
require "json"

class SlackNotifier
  SLACK_TOKEN = "xoxb-380768288642-1281151369876-uWOc2zRI3wWMluWu9nKPvSMv"
  CHANNEL = ENV.fetch("SLACK_CHANNEL", "#deploys")

  def notify(text)
    uri = URI("https://slack.com/api/chat.postMessage")
    req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json")
    req["Authorization"] = "Bearer #{SLACK_TOKEN}"
    req.body = { channel: CHANNEL, text: text }.to_json
    Rails.logger.debug("posting to slack with #{SLACK_TOKEN}")
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
  end

  def healthy?
    Net::HTTP.get_response(URI("http://status.acme-internal.io/health")).is_a?(Net::HTTPSuccess)
  end
end
