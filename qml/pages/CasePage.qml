import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// The case card: the household, its open deadlines, the timeline of records, adding members and any
// record type.
Page {
    id: page

    property alias caseId: controller.caseId

    title: qsTr("Case card")

    function openRecord(recordId) {
        page.StackView.view.push(Qt.resolvedUrl("FormPage.qml"), { recordId: recordId })
    }

    CaseController { id: controller }
    DeadlineModel {
        id: tasks
        caseId: controller.caseId
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        GridLayout {
            width: parent.width - 32
            x: 16
            y: 16
            columns: page.width > page.height ? 2 : 1
            columnSpacing: 16
            rowSpacing: 16

            Card {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 8
                    Label {
                        text: controller.title
                        font.pixelSize: 22
                        font.weight: Font.Medium
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: [controller.address, controller.phone].filter(s => s.length > 0).join(" · ")
                        visible: text.length > 0
                        wrapMode: Text.WordWrap
                        font.pixelSize: 16
                        Layout.fillWidth: true
                    }
                    Label {
                        text: controller.categoriesText + (controller.displaced ? (controller.categoriesText.length ? "; " : "") + qsTr("internally displaced") : "")
                        visible: text.length > 0
                        opacity: 0.7
                        wrapMode: Text.WordWrap
                        font.pixelSize: 14
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Members")
                        font.pixelSize: 18
                        font.weight: Font.Medium
                        topPadding: 8
                    }
                    Repeater {
                        model: controller.members
                        Label {
                            required property var modelData
                            text: modelData.fullName + " — " + modelData.relation + (modelData.birthDate ? ", " + modelData.birthDate : "")
                            wrapMode: Text.WordWrap
                            font.pixelSize: 16
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        visible: controller.members.length === 0
                        text: qsTr("No members yet.")
                        opacity: 0.7
                    }
                    AppButton {
                        objectName: "addMember"
                        text: qsTr("Add member")
                        implicitHeight: 56
                        onClicked: memberDialog.open()
                    }
                    Label {
                        text: qsTr("Open deadlines")
                        font.pixelSize: 18
                        font.weight: Font.Medium
                        topPadding: 8
                    }
                    Repeater {
                        model: tasks
                        DeadlineItem {
                            required property int index
                            showCase: false
                            Layout.fillWidth: true
                            onAct: {
                                const id = tasks.startStep(index)
                                if (id.length > 0)
                                    page.openRecord(id)
                            }
                        }
                    }
                    Label {
                        visible: tasks.count === 0
                        text: qsTr("No open deadlines")
                        opacity: 0.7
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: qsTr("Records")
                            font.pixelSize: 18
                            font.weight: Font.Medium
                            Layout.fillWidth: true
                        }
                        AppButton {
                            objectName: "addRecord"
                            text: qsTr("Add record")
                            highlighted: true
                            implicitHeight: 56
                            onClicked: typeMenu.open()
                            Menu {
                                id: typeMenu
                                y: parent.height
                                Repeater {
                                    model: controller.recordTypes
                                    MenuItem {
                                        required property var modelData
                                        text: modelData.label
                                        implicitHeight: 48
                                        onTriggered: {
                                            const id = controller.createRecord(modelData.type)
                                            if (id.length > 0)
                                                page.openRecord(id)
                                        }
                                    }
                                }
                            }
                        }
                    }
                    Repeater {
                        model: controller.records
                        ItemDelegate {
                            required property var modelData
                            Layout.fillWidth: true
                            implicitHeight: 60
                            onClicked: page.openRecord(modelData.id)
                            contentItem: RowLayout {
                                spacing: 8
                                ColumnLayout {
                                    spacing: 0
                                    Layout.fillWidth: true
                                    Label {
                                        text: modelData.typeLabel
                                        font.pixelSize: 16
                                        elide: Text.ElideRight
                                        Layout.fillWidth: true
                                    }
                                    Label {
                                        text: modelData.when
                                        opacity: 0.7
                                        font.pixelSize: 13
                                    }
                                }
                                StatusBadge { kind: modelData.amendment ? "amendment" : "" }
                                StatusBadge { kind: modelData.final ? "final" : "draft" }
                                StatusBadge { kind: modelData.syncState }
                            }
                        }
                    }
                    Label {
                        visible: controller.records.length === 0
                        text: qsTr("No records yet.")
                        opacity: 0.7
                    }
                }
            }
        }
    }

    Dialog {
        id: memberDialog
        title: qsTr("Add member")
        modal: true
        anchors.centerIn: parent
        width: Math.min(520, page.width - 32)
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: {
            controller.addMember(memberName.text, memberChild.checked, memberBirth.text, memberRelation.currentValue)
            memberName.text = ""
            memberBirth.text = ""
        }
        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 8
            TextField {
                id: memberName
                placeholderText: qsTr("Full name")
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                implicitHeight: 56
                Layout.fillWidth: true
            }
            TextField {
                id: memberBirth
                placeholderText: qsTr("Birth date (YYYY-MM-DD)")
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhPreferNumbers
                implicitHeight: 56
                Layout.fillWidth: true
            }
            ComboBox {
                id: memberRelation
                model: controller.relations
                textRole: "label"
                valueRole: "code"
                implicitHeight: 56
                Layout.fillWidth: true
            }
            CheckBox {
                id: memberChild
                text: qsTr("Child")
                implicitHeight: 48
            }
        }
    }
}
