defmodule Acme.Weather do
  @moduledoc "Current conditions from OpenWeatherMap for the dashboard."
  require Logger

  @api_key "2784379395ea1751bed4d302deeba965"
  @base "http://api.openweathermap.org/data/2.5"

  def current(city) do
    url = "#{@base}/weather?q=#{URI.encode(city)}&appid=#{@api_key}&units=metric"

    case HTTPoison.get(url) do
      {:ok, %HTTPoison.Response{status_code: 200, body: body}} ->
        Logger.info("fetched weather for #{city}")
        Jason.decode(body)

      {:ok, %HTTPoison.Response{status_code: code}} ->
        Logger.warning("weather lookup for #{city} failed with #{code}")
        {:error, code}

      {:error, reason} ->
        {:error, reason}
    end
  end
end
