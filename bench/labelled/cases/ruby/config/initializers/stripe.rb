# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: ENV["STRIPE_PUBLISHABLE_KEY"],
  secret_key: ENV["STRIPE_SECRET_KEY"]
}

Stripe.api_key = Rails.configuration.stripe[:secret_key] || "rk_live_r1FNebOrJF5AMmrtcGFqPlfh"
Stripe.max_network_retries = 2
Stripe.log_level = Stripe::LEVEL_INFO
