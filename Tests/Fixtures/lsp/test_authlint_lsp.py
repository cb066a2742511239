"""authlint lsp driven by pytest-lsp (pygls + lsprotocol): an independent client that also
checks the server's messages against the LSP specification.

Run by LSPTests.testPytestLSPClient (Tests/AuthLintCoreTests/LSPTests.swift) with AUTHLINT_BINARY set to the built executable.
"""
import asyncio
import os
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

BINARY = os.environ.get("AUTHLINT_BINARY", ".build/debug/authlint")
TIMEOUT = 10  # seconds; a missing notification fails instead of hanging
SECRET = "a8f3c9e1b7d24f6a9c0e5b3d7f1a2c4e"
# Line 2 has an astral character (two UTF-16 code units) before the finding.
TEXT = (
    f"const APP_KEY = '{SECRET}';\n"
    f"let s = '\U0001F600'; appKey = 'b{SECRET[1:]}';\n"
    "console.log('ok');\n"
)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp"]))
async def client(lsp_client: LanguageClient):
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(code_description_support=True),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(value_set=[types.CodeActionKind.QuickFix])
                )
            ),
        ),
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16]),
    )
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    assert result.server_info is not None and result.server_info.name == "authlint"
    assert result.capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    yield
    await lsp_client.shutdown_session()


def uri_for(tmp_path, name):
    return (tmp_path / name).as_uri()


async def open_and_wait(client, uri, text):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="javascript", version=1, text=text)
        )
    )
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), TIMEOUT)
    return client.diagnostics[uri]


@pytest.mark.asyncio
async def test_diagnostics_have_utf16_ranges_and_no_secret(client: LanguageClient, tmp_path):
    uri = uri_for(tmp_path, "app.js")
    diagnostics = await open_and_wait(client, uri, TEXT)
    found = sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in diagnostics)
    # Line 2: `let s = '😀'; appKey = '` is 23 scalars but 24 UTF-16 units.
    assert found == [("hardcoded-appkey", 0, 17, 49), ("hardcoded-appkey", 1, 24, 56)]
    for d in diagnostics:
        assert d.source == "authlint"
        assert d.severity == types.DiagnosticSeverity.Error
        assert SECRET not in d.message and SECRET[1:] not in d.message
        assert d.code_description is not None and d.code_description.href.endswith("hardcoded-appkey.json")


@pytest.mark.asyncio
async def test_incremental_edit_clears_diagnostics(client: LanguageClient, tmp_path):
    uri = uri_for(tmp_path, "edit.js")
    first = await open_and_wait(client, uri, f"const APP_KEY = '{SECRET}';\n")
    assert [d.code for d in first] == ["hardcoded-appkey"]
    # Replace the literal (quotes included) with an environment read.
    start, end = len("const APP_KEY = "), len(f"const APP_KEY = '{SECRET}'")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=0, character=start), end=types.Position(line=0, character=end)),
                    text="process.env.REPORT_FLOW_APP_KEY",
                )
            ],
        )
    )
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), TIMEOUT)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_code_actions_ignore_and_explain(client: LanguageClient, tmp_path):
    uri = uri_for(tmp_path, "actions.js")
    diagnostics = await open_and_wait(client, uri, TEXT)
    on_line_2 = [d for d in diagnostics if d.range.start.line == 1]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=on_line_2[0].range,
            context=types.CodeActionContext(diagnostics=on_line_2),
        )
    )
    titles = [a.title for a in actions]
    assert titles == ["Ignore hardcoded-appkey on this line", "Explain hardcoded-appkey"]
    ignore = actions[0]
    edits = ignore.edit.changes[uri]
    assert len(edits) == 1 and edits[0].new_text == " // authlint:ignore hardcoded-appkey"
    # Inserted at the end of line 2, counted in UTF-16 units.
    line2 = TEXT.split("\n")[1]
    assert edits[0].range.start == types.Position(line=1, character=len(line2.encode("utf-16-le")) // 2)

    explain = actions[1]
    assert isinstance(explain, types.Command)
    # The explanation arrives as window/showMessage before the command's (null) result.
    shown = asyncio.ensure_future(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE))
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=explain.command, arguments=explain.arguments)
    )
    await asyncio.wait_for(shown, TIMEOUT)
    assert client.messages[-1].message.startswith("hardcoded-appkey (hardcoded-credential")


@pytest.mark.asyncio
async def test_unknown_request_is_method_not_found(client: LanguageClient):
    from pygls.exceptions import JsonRpcMethodNotFound

    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("authlint/noSuchMethod", {})


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
