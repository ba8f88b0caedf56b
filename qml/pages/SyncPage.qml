import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// Where the tablet stands with the sync server. Honest: says what is known, no more; never "done"
// while anything is waiting, conflicting or rejected.
Page {
    id: page

    title: qsTr("Synchronisation")

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width - 48
            x: 24
            y: 24
            spacing: 16

            Label {
                text: {
                    switch (ServerConnection.state) {
                    case ServerConnection.Online:
                        return qsTr("The server answers. Version %1.").arg(ServerConnection.serverVersion)
                    case ServerConnection.Checking:
                        return qsTr("Checking whether the server answers…")
                    case ServerConnection.Unreachable:
                        return qsTr("The server cannot be reached. Everything you record is kept on this tablet.")
                    default:
                        return qsTr("No server is set. Everything you record is kept on this tablet.")
                    }
                }
                wrapMode: Text.WordWrap
                font.pixelSize: 18
                Layout.fillWidth: true
            }
            Label {
                visible: ServerConnection.lastContact.getTime() > 0
                text: qsTr("Last contact: %1").arg(ServerConnection.lastContact.toLocaleString(Qt.locale(), Locale.ShortFormat))
                opacity: 0.7
                font.pixelSize: 16
            }
            Card {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 8
                    SyncSummary { font.pixelSize: 18; Layout.fillWidth: true }
                    ProgressBar {
                        visible: SyncStatus.state === SyncStatus.Syncing
                        from: 0
                        to: Math.max(1, SyncStatus.total)
                        value: SyncStatus.sent
                        Layout.fillWidth: true
                    }
                    GridLayout {
                        columns: 2
                        columnSpacing: 24
                        rowSpacing: 4
                        Label { text: qsTr("Waiting to be sent") }
                        Label { text: SyncStatus.pending; font.weight: Font.Bold }
                        Label { text: qsTr("Conflicts") }
                        Label { text: SyncStatus.conflictCount; font.weight: Font.Bold; color: SyncStatus.conflictCount > 0 ? "#b71c1c" : "#37474f" }
                        Label { text: qsTr("Rejected by the server") }
                        Label { text: SyncStatus.rejected; font.weight: Font.Bold; color: SyncStatus.rejected > 0 ? "#b71c1c" : "#37474f" }
                        Label { text: qsTr("Last synchronisation") }
                        Label { text: SyncStatus.lastSyncAt.getTime() > 0 ? SyncStatus.lastSyncAt.toLocaleString(Qt.locale(), Locale.ShortFormat) : qsTr("never") }
                    }
                    Label {
                        visible: SyncStatus.lastError.length > 0
                        text: SyncStatus.lastError
                        color: "#b3261e"
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
            Flow {
                spacing: 12
                Layout.fillWidth: true
                AppButton {
                    objectName: "syncNow"
                    text: qsTr("Synchronise now")
                    highlighted: true
                    enabled: SyncStatus.enrolled && SyncStatus.state !== SyncStatus.Syncing
                    implicitHeight: 56
                    onClicked: SyncStatus.syncNow()
                }
                AppButton {
                    text: qsTr("Resolve conflicts")
                    visible: SyncStatus.conflictCount > 0
                    implicitHeight: 56
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("ConflictsPage.qml"), {})
                }
                AppButton {
                    text: qsTr("Check now")
                    enabled: ServerConnection.configured
                    implicitHeight: 56
                    onClicked: ServerConnection.check()
                }
            }
            Card {
                visible: SyncStatus.enrolled
                Layout.fillWidth: true
                Label {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    text: SyncStatus.userName.length > 0
                          ? qsTr("This tablet is enrolled with %1 for %2.").arg(SyncStatus.serverUrl).arg(SyncStatus.userName)
                          : qsTr("This tablet is enrolled with %1.").arg(SyncStatus.serverUrl)
                    wrapMode: Text.WrapAnywhere
                }
            }
            Card {
                visible: !SyncStatus.enrolled
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 8
                    Label {
                        text: qsTr("Enroll this tablet")
                        font.pixelSize: 18
                        font.weight: Font.Medium
                    }
                    Label {
                        text: qsTr("Enter the server address, the one-time code and the server certificate's fingerprint (SHA-256) that the office printed for you. You can also paste the text of the office's QR code into the address field.")
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    TextField {
                        id: serverUrl
                        objectName: "enrollServer"
                        text: SyncStatus.suggestedServer()
                        placeholderText: qsTr("Server address (https://…)")
                        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoPredictiveText
                        implicitHeight: 56
                        Layout.fillWidth: true
                        // The office's QR text carries all three: fill them in.
                        onTextEdited: {
                            const link = SyncStatus.parseEnrollLink(text)
                            if (link.server !== undefined) {
                                serverUrl.text = link.server
                                code.text = link.code
                                fingerprint.text = link.sha256
                            }
                        }
                    }
                    TextField {
                        id: code
                        objectName: "enrollCode"
                        placeholderText: qsTr("One-time code")
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        implicitHeight: 56
                        Layout.fillWidth: true
                    }
                    TextField {
                        id: fingerprint
                        objectName: "enrollFingerprint"
                        placeholderText: qsTr("Certificate fingerprint (SHA-256, e.g. 3A:7F:…)")
                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                        implicitHeight: 56
                        Layout.fillWidth: true
                    }
                    AppButton {
                        objectName: "enroll"
                        text: SyncStatus.enrolling ? qsTr("Enrolling…") : qsTr("Enroll")
                        enabled: !SyncStatus.enrolling && serverUrl.text.length > 0 && code.text.length > 0 && fingerprint.text.length > 0
                        implicitHeight: 56
                        onClicked: SyncStatus.enroll(serverUrl.text, code.text, fingerprint.text)
                    }
                }
            }
            Label {
                objectName: "enrollMessage"
                visible: SyncStatus.enrollMessage.length > 0
                text: SyncStatus.enrollMessage
                color: SyncStatus.enrolled ? "#2e7d32" : "#b3261e"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
