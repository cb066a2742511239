require "faraday"

class SyncWorker
  def connection(api_key)
    puts "syncing with key #{api_key}"
    Rails.logger.info "sync started"
    Faraday.new(url: "https://api.reeflow.com") do |f|
      f.request :authorization, "Bearer", api_key
      f.response :logger
    end
  end
end
