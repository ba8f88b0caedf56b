import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// Crisis mode for the mobile brigade: start in two taps (Crisis on the home page, then Start), a
// 24-hour clock since identification, quick entries, and the consent to inform the police.
Page {
    id: page

    property alias caseId: crisis.caseId

    title: qsTr("Crisis intervention")

    CrisisController { id: crisis }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width - 32
            x: 16
            y: 16
            spacing: 16

            Card {
                visible: !crisis.active
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 12
                    Label {
                        text: qsTr("Violence or a threat to life or health? Start now: the notice and the intervention are opened at once and the 24-hour clock starts.")
                        wrapMode: Text.WordWrap
                        font.pixelSize: 18
                        Layout.fillWidth: true
                    }
                    AppButton {
                        objectName: "startCrisis"
                        text: qsTr("Start crisis intervention")
                        implicitHeight: 72
                        font.pixelSize: 20
                        Layout.fillWidth: true
                        background: Rectangle { color: parent.down ? "#8e0000" : "#c62828"; radius: 6 }
                        contentItem: Label { text: parent.text; color: "white"; font: parent.font; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter; wrapMode: Text.WordWrap }
                        onClicked: crisis.start()
                    }
                }
            }

            Card {
                visible: crisis.active
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 8
                    Label {
                        text: qsTr("Time since identification")
                        font.pixelSize: 16
                        opacity: 0.8
                    }
                    Label {
                        objectName: "clock"
                        text: crisis.elapsedText
                        font.pixelSize: 56
                        font.weight: Font.Bold
                        font.family: "monospace"
                        color: crisis.overdue ? "#b71c1c" : crisis.progress > 0.75 ? "#8d6e00" : "#1f4e79"
                    }
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: 12
                        radius: 6
                        color: "#e3e8ee"
                        Rectangle {
                            width: parent.width * crisis.progress
                            height: parent.height
                            radius: 6
                            color: crisis.overdue ? "#c62828" : crisis.progress > 0.75 ? "#f9a825" : "#1f4e79"
                        }
                    }
                    Label {
                        text: crisis.remainingText
                        font.pixelSize: 16
                        color: crisis.overdue ? "#b71c1c" : "#37474f"
                    }
                }
            }

            GridLayout {
                visible: crisis.active
                columns: page.width > page.height ? 4 : 2
                columnSpacing: 12
                rowSpacing: 12
                Layout.fillWidth: true
                Repeater {
                    model: [{ kind: "police", label: qsTr("Police called (102)") },
                            { kind: "ambulance", label: qsTr("Ambulance called (103)") },
                            { kind: "shelter", label: qsTr("Placed in a shelter") },
                            { kind: "medical", label: qsTr("Medical referral") }]
                    AppButton {
                        required property var modelData
                        objectName: "quick_" + modelData.kind
                        text: modelData.label
                        implicitHeight: 64
                        font.pixelSize: 16
                        Layout.fillWidth: true
                        onClicked: crisis.quickEntry(modelData.kind)
                    }
                }
            }

            Card {
                visible: crisis.active
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 6
                    Label {
                        text: qsTr("Measures taken")
                        font.pixelSize: 18
                        font.weight: Font.Medium
                    }
                    Repeater {
                        model: crisis.entries
                        Label {
                            required property string modelData
                            text: "• " + modelData
                            wrapMode: Text.WordWrap
                            font.pixelSize: 16
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        visible: crisis.entries.length === 0
                        text: qsTr("Nothing recorded yet.")
                        opacity: 0.7
                    }
                }
            }

            Card {
                visible: crisis.active
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 8
                    Label {
                        text: qsTr("Consent of the victim to inform the police")
                        font.pixelSize: 18
                        font.weight: Font.Medium
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "consentText"
                        text: crisis.consentText
                        wrapMode: Text.WordWrap
                        font.pixelSize: 16
                        Layout.fillWidth: true
                    }
                    TextField {
                        id: consentBy
                        placeholderText: qsTr("Who decided (full name)")
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        implicitHeight: 56
                        Layout.fillWidth: true
                    }
                    TextField {
                        id: refusalReason
                        placeholderText: qsTr("Reason for the refusal")
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        implicitHeight: 56
                        Layout.fillWidth: true
                    }
                    Flow {
                        spacing: 8
                        Layout.fillWidth: true
                        AppButton {
                            text: qsTr("Consent given")
                            implicitHeight: 56
                            onClicked: crisis.recordConsent("given", consentBy.text, "")
                        }
                        AppButton {
                            text: qsTr("Consent refused")
                            implicitHeight: 56
                            enabled: refusalReason.text.trim().length > 0
                            onClicked: crisis.recordConsent("refused", consentBy.text, refusalReason.text)
                        }
                    }
                }
            }

            Flow {
                visible: crisis.active
                spacing: 12
                Layout.fillWidth: true
                AppButton {
                    text: qsTr("Open the notice")
                    implicitHeight: 56
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("FormPage.qml"), { recordId: crisis.noticeId })
                }
                AppButton {
                    text: qsTr("Open the intervention act")
                    implicitHeight: 56
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("FormPage.qml"), { recordId: crisis.interventionId })
                }
                AppButton {
                    text: qsTr("Case card")
                    implicitHeight: 56
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("CasePage.qml"), { caseId: crisis.caseId })
                }
            }
        }
    }
}
