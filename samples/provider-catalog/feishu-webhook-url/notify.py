WEBHOOK = "https://open.feishu.cn/open-apis/bot/v2/hook/10e472d9-e94d-42d9-aba9-1330e35d8def"
