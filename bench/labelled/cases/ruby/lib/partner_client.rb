require "net/http"
require "json"

class PartnerClient
  BASE = URI("http://partner-api.fulfilment-hub.com/v1/")

  def initialize(user: ENV.fetch("PARTNER_USER"), password: ENV.fetch("PARTNER_PASSWORD"))
    @user = user
    @password = password
  end

  def shipments(order_id)
    uri = URI.join(BASE, "orders/#{order_id}/shipments")
    req = Net::HTTP::Get.new(uri)
    req.basic_auth(@user, @password)
    res = Net::HTTP.start(uri.host, uri.port) { |http| http.request(req) }
    Rails.logger.info("partner shipments for #{order_id}: #{res.code}")
    JSON.parse(res.body)
  end
end
