import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"
import "../forms"

// One record in the generic form renderer, with autosave status, finalize (after Mode::Final passes
// and a confirmation), amend for a final act, and PDF export.
Page {
    id: page

    property alias recordId: controller.recordId
    property string exportedPath
    // The exported file's one-time password: on screen while this page lives, never stored.
    property string exportedPassword

    title: controller.typeLabel

    FormController { id: controller }

    header: Rectangle {
        implicitHeight: bar.implicitHeight + 16
        color: "white"
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: "#d9e0e8" }
        RowLayout {
            id: bar
            anchors.fill: parent
            anchors.leftMargin: 16
            anchors.rightMargin: 16
            spacing: 8
            StatusBadge { kind: controller.readOnly ? "final" : "draft" }
            StatusBadge { kind: controller.isAmendment ? "amendment" : "" }
            Label {
                objectName: "saveState"
                text: controller.error.length > 0 ? qsTr("Not saved: %1").arg(controller.error)
                    : controller.readOnly ? qsTr("Final: read-only")
                    : qsTr("Saved %1").arg(controller.savedAt)
                color: controller.error.length > 0 ? "#b3261e" : "#37474f"
                font.pixelSize: 14
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            AppButton {
                objectName: "exportPdf"
                text: qsTr("PDF")
                flat: true
                implicitHeight: 52
                onClicked: {
                    page.exportedPath = controller.exportPdf()
                    page.exportedPassword = page.exportedPath.length > 0 ? controller.exportPassword() : ""
                }
            }
            AppButton {
                objectName: "amend"
                visible: controller.readOnly
                text: qsTr("Amend")
                implicitHeight: 52
                onClicked: {
                    const id = controller.amend()
                    if (id.length > 0)
                        page.StackView.view.replace(Qt.resolvedUrl("FormPage.qml"), { recordId: id })
                }
            }
            AppButton {
                objectName: "finalize"
                visible: !controller.readOnly
                text: qsTr("Finalize")
                highlighted: true
                implicitHeight: 52
                onClicked: {
                    if (controller.checkFinal() === 0)
                        confirm.open()
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            text: controller.title + " · " + qsTr("form version %1").arg(controller.formVersion)
            wrapMode: Text.WordWrap
            font.pixelSize: 15
            opacity: 0.75
            padding: 16
            bottomPadding: 0
            Layout.fillWidth: true
        }
        Label {
            visible: controller.finalChecked && controller.issueCount > 0
            text: qsTr("Fields to correct before the act can be finalized: %1 (marked in red).").arg(controller.issueCount)
            color: "#b3261e"
            font.weight: Font.Medium
            wrapMode: Text.WordWrap
            padding: 16
            bottomPadding: 0
            Layout.fillWidth: true
        }
        ColumnLayout {
            objectName: "pdfExported"
            visible: page.exportedPath.length > 0
            spacing: 4
            Layout.fillWidth: true
            Layout.margins: 16
            Layout.bottomMargin: 0
            Label {
                text: qsTr("Encrypted PDF saved: %1").arg(page.exportedPath)
                wrapMode: Text.WrapAnywhere
                font.pixelSize: 13
                Layout.fillWidth: true
            }
            TextEdit {
                objectName: "pdfPassword"
                text: qsTr("Password to open it: %1").arg(page.exportedPassword)
                readOnly: true
                selectByMouse: true
                font.family: "monospace"
                font.pixelSize: 22
                font.weight: Font.Bold
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("The password is shown only once. Give it to the recipient by another channel (a phone call, in person), never together with the file.")
                color: "#b3261e"
                wrapMode: Text.WordWrap
                font.pixelSize: 14
                Layout.fillWidth: true
            }
        }
        // Long forms: every section one tap away (e.g. a notice's indicators).
        ListView {
            id: sectionBar
            objectName: "sectionBar"
            visible: count > 1
            orientation: ListView.Horizontal
            model: controller.sections
            spacing: 8
            clip: true
            implicitHeight: 56
            leftMargin: 16
            rightMargin: 16
            Layout.fillWidth: true
            Layout.topMargin: 8
            delegate: AppButton {
                required property var modelData
                required property int index
                objectName: "section_" + index
                text: (index + 1) + ". " + modelData.title
                implicitHeight: 48
                width: Math.min(implicitWidth, 200)
                font.pixelSize: 14
                onClicked: formView.revealSection(index)
            }
        }
        FormView {
            id: formView
            objectName: "formView"
            controller: controller
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }

    Dialog {
        id: confirm
        objectName: "confirmFinalize"
        title: qsTr("Finalize this act?")
        modal: true
        anchors.centerIn: parent
        width: Math.min(560, page.width - 32)
        standardButtons: Dialog.Yes | Dialog.Cancel
        Label {
            width: parent.width
            text: qsTr("A final act cannot be changed. Check that everyone present has signed. Corrections later are made as an amendment.")
            wrapMode: Text.WordWrap
            font.pixelSize: 16
        }
        onAccepted: controller.finalize()
    }
}
