require "rails_helper"

RSpec.describe PartnerClient do
  let(:client) { described_class.new(user: "test-user", password: "test-password") }

  before do
    stub_request(:get, %r{partner-api\.fulfilment-hub\.com/v1/orders/42/shipments})
      .to_return(status: 200, body: '[{"id": 1}]')
  end

  it "parses shipments" do
    expect(client.shipments(42)).to eq([{ "id" => 1 }])
  end

  it "logs only the status" do
    expect(Rails.logger).to receive(:info).with(/: 200/)
    client.shipments(42)
  end
end
