import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// First run: choose a PIN (>= 6 digits) or a passphrase; later: unlock. Wrong PINs cost growing
// waits, and the store is erased after the configured number of failures, with a warning before.
Page {
    id: page

    readonly property bool setup: AppSession.state === AppSession.Setup

    function submit() {
        if (page.setup)
            AppSession.createPin(pin.text, confirmation.text)
        else
            AppSession.unlock(pin.text)
        pin.text = ""
        confirmation.text = ""
    }

    background: Rectangle { color: "#1f4e79" }

    Card {
        anchors.centerIn: parent
        width: Math.min(520, page.width - 48)

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 14

            Label {
                text: qsTr("Poruch")
                font.pixelSize: 30
                font.weight: Font.Medium
                color: "#1f4e79"
            }
            Label {
                text: page.setup ? qsTr("Choose a PIN of at least %1 digits or a passphrase. It protects everything stored on this tablet.").arg(AppSession.minPinLength)
                                 : qsTr("Enter your PIN to unlock.")
                wrapMode: Text.WordWrap
                font.pixelSize: 17
                Layout.fillWidth: true
            }
            TextField {
                id: pin
                objectName: "pin"
                echoMode: TextInput.Password
                placeholderText: qsTr("PIN or passphrase")
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                font.pixelSize: 20
                implicitHeight: 60
                Layout.fillWidth: true
                focus: true
                onAccepted: page.setup ? confirmation.forceActiveFocus() : page.submit()
            }
            TextField {
                id: confirmation
                objectName: "confirmation"
                visible: page.setup
                echoMode: TextInput.Password
                placeholderText: qsTr("The same again")
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                font.pixelSize: 20
                implicitHeight: 60
                Layout.fillWidth: true
                onAccepted: page.submit()
            }
            Label {
                visible: AppSession.message.length > 0
                text: AppSession.message
                color: "#b3261e"
                wrapMode: Text.WordWrap
                font.pixelSize: 16
                Layout.fillWidth: true
            }
            Label {
                visible: !page.setup && AppSession.wipeWarning
                text: qsTr("Warning: tries left before all data on this tablet is erased: %1.").arg(AppSession.attemptsLeft)
                color: "#b3261e"
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
                font.pixelSize: 16
                Layout.fillWidth: true
            }
            Label {
                visible: !page.setup && AppSession.retryInSeconds > 0
                text: qsTr("Next try in %1 s.").arg(AppSession.retryInSeconds)
                font.pixelSize: 16
                Layout.fillWidth: true
            }
            AppButton {
                objectName: "submit"
                text: page.setup ? qsTr("Set PIN") : qsTr("Unlock")
                highlighted: true
                enabled: pin.text.length > 0 && (page.setup || AppSession.retryInSeconds === 0)
                implicitHeight: 60
                font.pixelSize: 18
                Layout.fillWidth: true
                onClicked: page.submit()
            }
            Label {
                text: qsTr("The app locks itself after %1 min without use and when you switch to another app.").arg(Math.round(AppSession.autoLockSeconds / 60))
                opacity: 0.7
                wrapMode: Text.WordWrap
                font.pixelSize: 14
                Layout.fillWidth: true
            }
        }
    }
}
