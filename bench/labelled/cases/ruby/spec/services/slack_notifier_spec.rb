require "rails_helper"

RSpec.describe SlackNotifier do
  let(:token) { "xoxb-test-token" }

  before do
    stub_const("SlackNotifier::SLACK_TOKEN", token)
    stub_request(:post, "https://slack.com/api/chat.postMessage")
      .with(headers: { "Authorization" => "Bearer #{token}" })
      .to_return(status: 200, body: '{"ok":true}')
  end

  it "posts the text" do
    expect(described_class.new.notify("deployed")).to be_a(Net::HTTPOK)
  end
end
